"""What each member does during a load, in the issue's words: reading feeds, searching, sharing stories and
running meetings (besides reading the network's pages and updating profiles); the host opens local groups.

Each write the server acknowledges goes into `load.acknowledged`, to be checked once the load is over.
"""

import random
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import httpx

from bench.acknowledged import GROUPS, SEARCH, Meeting
from bench.community import GROUP

if TYPE_CHECKING:
    from bench.load import Load

FEED = "{ feed(first: 20) { edges { node { id kind title excerpt authorName localGroup { name } } } } }"
MEMBERS = (
    "query($n: ID!) { network(id: $n) { members(first: 20) { totalCount"
    " edges { node { name localGroups { name } } } } } }"
)
PROFILE = "mutation($bio: String!) { updateProfile(input: {bio: $bio}) { bio } }"
WRITE = """mutation($n: ID!, $a: String!, $t: String!) { writeStory(networkId: $n, audience: $a,
  story: {kind: GOOD_NEWS, title: $t, body: "A hosting session that went *unusually* well."}) { id } }"""
SHARE = "mutation($id: ID!, $a: String!) { shareStory(id: $id, audience: $a) { id } }"
SCHEDULE = """mutation($g: ID!, $at: DateTime!) { scheduleMeetings(peerGroupId: $g,
  first: {startsAt: $at, mode: "online", place: "https://meet.example.org/peers"}, count: 1) { id } }"""
START = """mutation($m: ID!, $p: ID!) {
  startProtocolRun(meetingId: $m, protocol: "good_news_analysis", presenterId: $p) { id } }"""
NOTES = "mutation($m: ID!, $t: String!) { writeMeetingNotes(meetingId: $m, notes: $t) { id } }"


async def member_session(load: "Load", http: httpx.AsyncClient, index: int, deadline: float) -> None:
    rng, token, circle = random.Random(index), load.tokens[index], load.peer_group_of(index)
    while time.perf_counter() < deadline:
        roll = rng.random()
        if roll < 0.25:
            await load.call(http, "read feed", FEED, token)
        elif roll < 0.40:
            await load.call(http, "read members page", MEMBERS, token, n=load.network_id)
        elif roll < 0.50:
            await load.call(http, "read local groups", GROUPS, token, n=load.network_id)
        elif roll < 0.62 and load.can_search:
            known = [*load.acknowledged.stories.values(), *load.acknowledged.local_groups]
            await load.call(http, "search", SEARCH, token, q=rng.choice(known or ["circle"]))
        elif roll < 0.74:
            await update_profile(load, http, index, rng)
        elif circle is None:
            await open_local_group(load, http, index, rng)
        elif roll < 0.87:
            await share_story(load, http, index, circle, rng)
        else:
            await run_meeting(load, http, index, circle, rng)


async def update_profile(load: "Load", http: httpx.AsyncClient, index: int, rng: random.Random) -> None:
    bio = f"bio-{index}-{rng.getrandbits(40):x}"
    if (await load.call(http, "update profile", PROFILE, load.tokens[index], bio=bio)).get("data"):
        load.acknowledged.bios[load.tokens[index]] = bio


async def open_local_group(load: "Load", http: httpx.AsyncClient, index: int, rng: random.Random) -> None:
    name = f"Circle {len(load.acknowledged.local_groups)}-{rng.getrandbits(24):x}"
    answer = await load.call(http, "open local group", GROUP, load.tokens[index], n=load.network_id, name=name)
    if answer.get("data"):
        load.acknowledged.local_groups.append(name)


async def share_story(load: "Load", http: httpx.AsyncClient, index: int, circle: str, rng: random.Random) -> None:
    """Written in the member's peer group (confidential), then shared with the whole network, as in the web app."""
    token, title = load.tokens[index], f"Story {index}-{rng.getrandbits(40):x}"
    written = await load.call(http, "write story", WRITE, token, n=load.network_id, a=f"peer_group:{circle}", t=title)
    if not written.get("data"):
        return
    story = written["data"]["writeStory"]["id"]
    if (await load.call(http, "share story", SHARE, token, id=story, a=f"network:{load.network_id}")).get("data"):
        load.acknowledged.stories[story] = title


async def run_meeting(load: "Load", http: httpx.AsyncClient, index: int, circle: str, rng: random.Random) -> None:
    """Schedules a meeting of the member's peer group, starts a Good News Analysis there and writes its notes."""
    token, starts_at = load.tokens[index], (datetime.now(UTC) + timedelta(days=7)).isoformat()
    scheduled = await load.call(http, "schedule meeting", SCHEDULE, token, g=circle, at=starts_at)
    if not scheduled.get("data"):
        return
    meeting = Meeting(scheduled["data"]["scheduleMeetings"][0]["id"], circle)
    load.acknowledged.meetings.append(meeting)
    presenter = load.member_ids[rng.choice([seat for seat in load.peer_groups[circle] if seat != index])]
    started = await load.call(http, "start protocol run", START, token, m=meeting.id, p=presenter)
    if started.get("data"):
        meeting.runs.append(started["data"]["startProtocolRun"]["id"])
    notes = f"confidential{rng.getrandbits(40):x}: what was said stays in the group"
    if (await load.call(http, "write meeting notes", NOTES, token, m=meeting.id, t=notes)).get("data"):
        meeting.notes = notes
