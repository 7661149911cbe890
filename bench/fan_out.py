"""Fan-out: how long a harvest published to a network takes to reach its members' feeds and notifications.

At 1,000, 10,000 and 100,000 members of one network (bench/feeds_data.py: 200 local groups, two weeks of
stories), a sample of members who follow the harvest's practice area (so it ranks on their first page) first read
their feeds (so their first pages are prepared, as for members who come back), then a harvest is committed to
the outbox. Timed from that commit, through the relay and the feeds and notifications consumers running side by
side (as `commons serve` runs them), until every sampled member's next read of their first page holds it, and
until each of them has its notification. Each figure is compared with the same at 1,000 members: the cost must
not grow faster than the data (the run fails otherwise). A feed item is written once for every feed, whatever
the network's size; a notification is a row per member, so that figure may grow as the data does, no faster.
The sizes are this benchmark's own growth: it runs at scale 1 only. Alone: `python -m bench.fan_out`;
`COMMONS_BENCH_DATABASE_URL` for PostgreSQL.
"""

import asyncio
import random
import time
from collections.abc import Awaitable, Callable

from bench.feeds_data import Reader, build, enrol, harvest
from bench.report import Row, table
from bench.serving import fresh_database
from events.consumer import Consumer
from events.envelope import Event
from events.inprocess import InProcessBus
from events.outbox import record
from events.relay import Relay
from events.runner import Runner
from infra.database import Database
from infra.viewer import Viewer
from services.feeds import projector
from services.feeds.commands import InterestKind, Stance, choose
from services.feeds.prepared import feed_page
from services.notifications import api as notifications
from services.notifications.kinds import Kind
from services.notifications.queries import latest

SIZES, SAMPLE = (1_000, 10_000, 100_000), 50
FEEDS, NOTIFICATIONS = "feed first pages", "notifications"
Reached = Callable[[Database, Reader, Event], Awaitable[bool]]


def _viewer(reader: Reader) -> Viewer:
    return Viewer(reader.member_id, "reader@bench.example.org", "Reader", audiences=reader.keys)


async def _on_first_page(db: Database, reader: Reader, event: Event) -> bool:
    return event.subject in {row.id for row, _ in (await feed_page(db, _viewer(reader), 20, None)).ranked}


async def _notified(db: Database, reader: Reader, event: Event) -> bool:
    async with db.sessions() as session:
        return await latest(session, reader.member_id, Kind.HARVEST_PUBLISHED, f"harvest:{event.subject}") is not None


async def _runner_past_set_up(db: Database, bus: InProcessBus, consumer: Consumer) -> Runner:
    runner = Runner(consumer, db, bus)
    source = bus.source(consumer.name, consumer.sources)
    await source.commit(list(await source.poll(100_000, 0.1)))
    return runner


async def _reached(
    db: Database, bus: InProcessBus, runner: Runner, check: Reached, readers: list[Reader], event: Event
) -> float:
    """Seconds until the consumer has applied the event and every sampled reader sees it there."""
    began, source = time.perf_counter(), bus.source(runner.consumer.name, runner.consumer.sources)
    while not await runner.step(source, 0.01):
        pass
    for reader in readers:
        if not await check(db, reader, event):
            raise AssertionError(f"a sampled member was not reached through {runner.consumer.name}")
    return time.perf_counter() - began


async def fan_out(db: Database, network_id: str, readers: list[Reader]) -> dict[str, float]:
    """Seconds from the harvest's commit until every sampled reader has it, in their feed and notifications."""
    event = harvest(network_id, "Harvest of the world café")
    area = event.data["publication"]["practice_areas"][0]
    async with db.transaction() as session:
        for reader in readers:
            await choose(session, _viewer(reader), InterestKind.PRACTICE_AREA, area, Stance.FOLLOW, True)
    for reader in readers:
        await _on_first_page(db, reader, event)
    bus = InProcessBus(db)
    await Relay(db, bus).drain()
    feeds = await _runner_past_set_up(db, bus, projector.consumer())
    notes = await _runner_past_set_up(db, bus, notifications.consumer())
    began = time.perf_counter()
    async with db.transaction() as session:
        record(session, [event])
    await Relay(db, bus).drain()
    relayed = time.perf_counter() - began
    feed, noted = await asyncio.gather(
        _reached(db, bus, feeds, _on_first_page, readers, event), _reached(db, bus, notes, _notified, readers, event)
    )
    return {FEEDS: relayed + feed, NOTIFICATIONS: relayed + noted}


async def _measure(url: str, members: int) -> dict[str, float]:
    db = Database(url)
    try:
        community = await build(db, members)
        await enrol(db, community)
        return await fan_out(db, community.network_id, random.Random(3).sample(community.readers, SAMPLE))
    finally:
        await db.dispose()


def _rows(found: dict[int, dict[str, float]]) -> list[Row]:
    small = SIZES[0]
    return [
        Row(
            f"fan-out: harvest in {SAMPLE} sampled members' {reach} ({members:,} members)",
            seconds[reach] * 1000,
            "ms",
            f"same at {small:,} members",
            found[small][reach] * 1000,
            target=f"ratio <= {members // small} (the data's growth)" if members > small else "",
        )
        for reach in (FEEDS, NOTIFICATIONS)
        for members, seconds in found.items()
    ]


def _faster_than_the_data(found: dict[int, dict[str, float]]) -> bool:
    small = found[SIZES[0]]
    return any(found[members][reach] / small[reach] > members / SIZES[0] for members in SIZES[1:] for reach in small)


def main(scale: float = 1.0) -> list[Row]:
    if scale != 1.0:
        return []
    found = {}
    for members in SIZES:
        with fresh_database() as (url, _):
            found[members] = asyncio.run(_measure(url, members))
    rows = _rows(found)
    if _faster_than_the_data(found):
        raise AssertionError(f"fan-out cost grows faster than the data:\n{table(rows)}")
    return rows


if __name__ == "__main__":
    print(table(main()))
