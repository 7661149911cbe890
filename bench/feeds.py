"""Feeds at scale: feed(first: 20) latency (how fast a new item reaches first pages: bench/fan_out.py).

Per size (1,000 and 10,000 members x scale, in 200 local groups of one network, with two weeks of stories):
- feed(first: 20) through the composed GraphQL schema, executed in process with a request context per member:
  p50 and p95 over random members, and the next page (after the first page's cursor). Target p95 < 30 ms.
  Also the service's own share of a page (outlook and ranked page, without GraphQL's parse and validation).
Each figure at 10,000 members is compared with the same at 1,000 (the ratio is the cost growth).
Run alone: `python -m bench.feeds [--scale S]`; `COMMONS_BENCH_DATABASE_URL` selects PostgreSQL.
"""

import argparse
import asyncio
import random
import time

from bench.feeds_data import Reader, build
from bench.report import Row, percentile, table
from bench.serving import fresh_database
from infra.context import RequestContext
from infra.database import Database
from infra.settings import Settings
from infra.viewer import Viewer
from schema import build as build_schema
from services.feeds.outlook import outlook_of
from services.feeds.queries import ranked_page

SIZES, QUERIES, WARM_UP, SAMPLE = (1_000, 10_000), 300, 30, 100
FEED = (
    "query($after: String) { feed(first: 20, after: $after) { edges { cursor node { id kind title reason"
    " excerpt practiceAreas path authorName publishedAt seen } } pageInfo { hasNextPage endCursor } } }"
)


def _context(settings: Settings, db: Database, reader: Reader) -> RequestContext:
    viewer = Viewer(reader.member_id, "reader@bench.example.org", "Reader", audiences=reader.keys)
    return RequestContext(settings=settings, db=db, viewer=viewer, request_id="bench")


async def latencies(settings: Settings, db: Database, readers: list[Reader], next_page: bool) -> list[float]:
    schema, rng, found = build_schema(settings), random.Random(2), []
    for number in range(WARM_UP + QUERIES):
        reader = rng.choice(readers)
        after = None
        if next_page:
            first = await schema.execute(FEED, context_value=_context(settings, db, reader))
            after = first.data["feed"]["pageInfo"]["endCursor"]  # type: ignore[index]
        began = time.perf_counter()
        result = await schema.execute(
            FEED, variable_values={"after": after}, context_value=_context(settings, db, reader)
        )
        took = (time.perf_counter() - began) * 1000
        assert not result.errors and len(result.data["feed"]["edges"]) == 20, result.errors  # type: ignore[index]
        if number >= WARM_UP:
            found.append(took)
    return found


async def resolver_work(db: Database, readers: list[Reader]) -> list[float]:
    """The feed's own work (outlook and ranked page) without GraphQL parsing, validation and serialising."""
    rng, found = random.Random(2), []
    for number in range(WARM_UP + QUERIES):
        reader = rng.choice(readers)
        began = time.perf_counter()
        async with db.sessions() as session:
            await ranked_page(session, await outlook_of(session, reader.member_id, reader.keys, {}), 20, None)
        if number >= WARM_UP:
            found.append((time.perf_counter() - began) * 1000)
    return found


async def _measure(url: str, members: int) -> dict[str, float]:
    settings, db = Settings(database_url=url), Database(url)
    try:
        community = await build(db, members)
        first, second = (
            await latencies(settings, db, community.readers, False),
            await latencies(settings, db, community.readers, True),
        )
        own = await resolver_work(db, community.readers)
        return {
            "p50": percentile(first, 50),
            "p95": percentile(first, 95),
            "next95": percentile(second, 95),
            "own95": percentile(own, 95),
        }
    finally:
        await db.dispose()


def _rows(small: int, large: int, low: dict[str, float], high: dict[str, float]) -> list[Row]:
    same = f"same at {small:,} members"
    figures = (
        ("p95", f"feed(first: 20) p95 via GraphQL ({large:,} members)", "ms", "< 30 ms"),
        ("p50", f"feed(first: 20) p50 via GraphQL ({large:,} members)", "ms", ""),
        ("next95", f"feed next page p95 via GraphQL ({large:,} members)", "ms", ""),
        ("own95", f"feed page p95, the service's own work ({large:,} members)", "ms", ""),
    )
    return [
        Row(f"feeds: {name}", high[key], unit, same, low[key], target=target) for key, name, unit, target in figures
    ]


def main(scale: float = 1.0) -> list[Row]:
    small, large = (max(100, round(size * scale)) for size in SIZES)
    found = []
    for members in (small, large):
        with fresh_database() as (url, _):
            found.append(asyncio.run(_measure(url, members)))
    return _rows(small, large, *found)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.feeds", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    print(table(main(parser.parse_args().scale)))
