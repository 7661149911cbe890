"""After a load: every meeting a peer group scheduled is readable by each of its members, with the protocol
runs started at it (once each) and the notes last written to it; and no search, of anyone, finds the notes:
what is said in a peer group stays there."""

from typing import TYPE_CHECKING

import httpx

from bench.acknowledged import SEARCH, Meeting

if TYPE_CHECKING:
    from bench.load import Load

MEETING = "query($id: ID!) { meeting(id: $id) { notes protocolRuns { id } } }"


async def lost_meetings(load: "Load", http: httpx.AsyncClient) -> list[str]:
    lost = []
    for meeting in load.acknowledged.meetings:
        members = [load.tokens[seat] for seat in load.peer_groups[meeting.peer_group]]
        for token in members:
            lost += await unreadable(load, http, meeting, token)
        # A member of the group sees the most in search: if the notes had leaked, they would find them.
        lost += await leaked(load, http, meeting, members[0]) if load.can_search and meeting.notes else []
    return lost


async def unreadable(load: "Load", http: httpx.AsyncClient, meeting: Meeting, token: str) -> list[str]:
    answer = (await load.call(http, "verify", MEETING, token, id=meeting.id)).get("data")
    if not answer:
        return [f"meeting {meeting.id} not readable by a member of its group"]
    runs = [run["id"] for run in answer["meeting"]["protocolRuns"]]
    lost = [f"protocol run {run} listed {runs.count(run)} times" for run in meeting.runs if runs.count(run) != 1]
    # Notes whose answer never came back may have been saved or not: only acknowledged notes must be there.
    notes_lost = meeting.notes and answer["meeting"]["notes"] != meeting.notes
    return lost + ([f"notes of meeting {meeting.id}"] if notes_lost else [])


async def leaked(load: "Load", http: httpx.AsyncClient, meeting: Meeting, token: str) -> list[str]:
    secret = meeting.notes.split(":")[0]
    hits = (await load.call(http, "verify", SEARCH, token, q=secret))["data"]["search"]["hits"]
    return [f"notes of meeting {meeting.id} found by search: {hits}"] if hits else []
