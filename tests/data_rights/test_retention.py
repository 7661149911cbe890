"""Retention: the scheduled job deletes what authors withdrew once it is older than `withdrawn_kept_days`, keeps what
was withdrawn recently and what is still shared, and drops export archives whose link has expired; flags decided
longer ago than `moderation_kept_days` go through moderation's api, recent ones stay."""

from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from infra.columns import utcnow
from services.data_rights.api import keep_within
from services.data_rights.tables import Export
from services.knowledge.tables import Story
from services.moderation.tables import Flag
from tests.data_rights.support import exported, scene
from tests.support.graphql import Gateway

WRITE = """mutation($n: ID!, $a: String!, $t: String!) { writeStory(networkId: $n, audience: $a,
  story: {kind: GOOD_NEWS, title: $t, body: "Some good news"}) { id } }"""
WITHDRAW = "mutation($s: ID!) { withdrawStory(id: $s) { id } }"
FLAG = """mutation($s: ID!) { flagItem(kind: STORY, itemId: $s, reason: SPAM, note: "Looks like spam") { id } }"""
DECIDE = 'mutation($f: ID!) { decideFlag(flagId: $f, decision: DISMISS, note: "Not spam") { status } }'


async def _age(runtime: Any, story_id: str, days: int) -> None:
    async with runtime.db.transaction() as session:
        moment = utcnow() - timedelta(days=days)
        await session.execute(update(Story).where(Story.id == story_id).values(updated_at=moment))


async def _left(runtime: Any) -> tuple[set[str], int]:
    async with runtime.db.sessions() as session:
        stories = set(await session.scalars(select(Story.title)))
        return stories, len(list(await session.scalars(select(Export.token_hash))))


def test_old_withdrawn_stories_and_expired_exports_go_recent_ones_stay(quiet_api: Gateway) -> None:
    seen, runtime = scene(quiet_api), quiet_api.runtime
    portal = quiet_api.http.portal
    assert portal is not None
    kept_days = runtime.settings.withdrawn_kept_days
    for title, age in (("Withdrawn long ago", kept_days + 1), ("Withdrawn last week", 7)):
        story = seen.amara.run(WRITE, n=seen.network, a=f"network:{seen.network}", t=title)
        seen.amara.run(WITHDRAW, s=story["writeStory"]["id"])
        portal.call(_age, runtime, story["writeStory"]["id"], age)
    exported(seen.amara)
    forgotten = portal.call(keep_within, runtime.db, runtime.settings, utcnow() + timedelta(days=1, minutes=1))
    assert (forgotten.withdrawn, forgotten.exports) == (1, 1)
    stories, exports = portal.call(_left, runtime)
    assert "Withdrawn long ago" not in stories and {"Withdrawn last week", "The timetable dilemma"} <= stories
    assert exports == 0


async def _decided_ago(runtime: Any, flag_id: str, days: int) -> None:
    async with runtime.db.transaction() as session:
        moment = utcnow() - timedelta(days=days)
        await session.execute(update(Flag).where(Flag.id == flag_id).values(decided_at=moment, created_at=moment))


async def _flags(runtime: Any) -> set[str]:
    async with runtime.db.sessions() as session:
        return set(await session.scalars(select(Flag.id)))


def test_flags_decided_long_ago_go_recent_ones_stay(quiet_api: Gateway) -> None:
    seen, runtime = scene(quiet_api), quiet_api.runtime
    portal = quiet_api.http.portal
    assert portal is not None
    flags = []
    for title, age in (("Old news", runtime.settings.moderation_kept_days + 1), ("Fresh news", 3)):
        story = seen.ben.run(WRITE, n=seen.network, a=f"network:{seen.network}", t=title)["writeStory"]["id"]
        flags.append(seen.amara.run(FLAG, s=story)["flagItem"]["id"])
        seen.host.run(DECIDE, f=flags[-1])
        portal.call(_decided_ago, runtime, flags[-1], age)
    forgotten = portal.call(keep_within, runtime.db, runtime.settings, utcnow())
    assert forgotten.moderation >= 1
    assert portal.call(_flags, runtime) == {flags[1]}
