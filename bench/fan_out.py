"""Fan-out: how long a harvest published to a network takes to be on the first page of its members' feeds.

At 1,000, 10,000 and 100,000 members of one network (bench/feeds_data.py: 200 local groups, two weeks of
stories), a sample of members who follow the harvest's practice area (so it ranks on their first page) first read
their feeds (so their first pages are prepared, as for members who come back), then a harvest is committed to
the outbox. Timed from that commit, through the relay and the feeds
consumer, until every sampled member's next read of their first page holds it. The figure at each size is
compared with the same at 1,000 members: the cost must grow slower than the data (the run fails otherwise),
since an item is written once for every feed, whatever the network's size. The sizes are this benchmark's own
growth: it runs at scale 1 only. Alone: `python -m bench.fan_out`; `COMMONS_BENCH_DATABASE_URL` for PostgreSQL.
"""

import asyncio
import random
import time

from bench.feeds_data import Reader, build, harvest
from bench.report import Row, table
from bench.serving import fresh_database
from events.inprocess import InProcessBus
from events.outbox import record
from events.relay import Relay
from events.runner import Runner
from infra.database import Database
from infra.viewer import Viewer
from services.feeds.commands import InterestKind, Stance, choose
from services.feeds.prepared import feed_page
from services.feeds.projector import consumer

SIZES, SAMPLE = (1_000, 10_000, 100_000), 50


def _viewer(reader: Reader) -> Viewer:
    return Viewer(reader.member_id, "reader@bench.example.org", "Reader", audiences=reader.keys)


async def _first_page(db: Database, reader: Reader) -> set[str]:
    return {row.id for row, _ in await feed_page(db, _viewer(reader), 20, None)}


async def on_first_pages(db: Database, network_id: str, readers: list[Reader]) -> float:
    """Seconds from the harvest's commit until every sampled reader's first page holds it."""
    feeds, bus = consumer(), InProcessBus(db)
    runner, source = Runner(feeds, db, bus), bus.source(feeds.name, feeds.sources)
    await Relay(db, bus).drain()
    await source.commit(list(await source.poll(100_000, 0.1)))  # start after the set-up's events
    event = harvest(network_id, "Harvest of the world café")
    area = event.data["publication"]["practice_areas"][0]
    async with db.transaction() as session:
        for reader in readers:
            await choose(session, _viewer(reader), InterestKind.PRACTICE_AREA, area, Stance.FOLLOW, True)
    for reader in readers:
        await _first_page(db, reader)
    began = time.perf_counter()
    async with db.transaction() as session:
        record(session, [event])
    await Relay(db, bus).drain()
    while not await runner.step(source, 0.01):
        pass
    for reader in readers:
        if event.subject not in await _first_page(db, reader):
            raise AssertionError("a sampled member's first page left the new harvest out")
    return time.perf_counter() - began


async def _measure(url: str, members: int) -> float:
    db = Database(url)
    try:
        community = await build(db, members)
        return await on_first_pages(db, community.network_id, random.Random(3).sample(community.readers, SAMPLE))
    finally:
        await db.dispose()


def _rows(found: dict[int, float]) -> list[Row]:
    small = SIZES[0]
    return [
        Row(
            f"fan-out: harvest on {SAMPLE} sampled first pages ({members:,} members)",
            seconds * 1000,
            "ms",
            f"same at {small:,} members",
            found[small] * 1000,
            target=f"ratio < {members // small} (the data's growth)" if members > small else "",
        )
        for members, seconds in found.items()
    ]


def main(scale: float = 1.0) -> list[Row]:
    if scale != 1.0:
        return []
    found = {}
    for members in SIZES:
        with fresh_database() as (url, _):
            found[members] = asyncio.run(_measure(url, members))
    rows = _rows(found)
    if any(found[members] / found[SIZES[0]] >= members / SIZES[0] for members in SIZES[1:]):
        raise AssertionError(f"fan-out cost grows faster than the data:\n{table(rows)}")
    return rows


if __name__ == "__main__":
    print(table(main()))
