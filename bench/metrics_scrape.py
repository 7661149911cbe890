"""What a /metrics scrape costs: the system's gauges measured from the database (outbox backlog, each consumer's
unprocessed events and dead letters, its lag), over an outbox whose events were all sent and processed by three
consumers, against a database round trip. Prometheus gives up on a scrape after 10 s by default; this should be a
small part of that. Alone: `python -m bench.metrics_scrape` (COMMONS_BENCH_DATABASE_URL picks PostgreSQL)."""

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence

from bench._events import counting, items, write
from bench.report import Row, percentile, table
from bench.serving import fresh_database
from events.consumer import Consumer
from events.inprocess import InProcessBus
from events.measures import pipeline_gauges
from events.relay import Relay
from events.runner import Runner
from infra.database import Database
from infra.settings import Settings

EVENTS = 10_000
SCRAPES = 20


async def processed(db: Database, count: int, consumers: Sequence[Consumer]) -> None:
    """`count` events written, relayed and handled by every consumer: an outbox as a running system keeps it."""
    for start in range(0, count, 1000):
        await write(db, items(min(1000, count - start)))
    bus = InProcessBus(db)
    await Relay(db, bus, 1000).drain()
    for consumer in consumers:
        runner, source = Runner(consumer, db, bus, batch_size=1000), bus.source(consumer.name, consumer.sources)
        while await runner.step(source, 0.01):
            pass


async def timings(work: Callable[[], Awaitable[object]]) -> list[float]:
    seconds = []
    for _ in range(SCRAPES):
        began = time.perf_counter()
        await work()
        seconds.append(time.perf_counter() - began)
    return seconds


async def measure(url: str, count: int) -> list[Row]:
    db, seen = Database(url), dict[str, float]()
    consumers = [counting(seen) for _ in range(3)]
    try:
        await processed(db, count, consumers)
        scrapes = await timings(lambda: pipeline_gauges(Settings(database_url=url), db, consumers))
        trips = await timings(db.reachable)
    finally:
        await db.dispose()
    return [
        Row(
            "metrics scrape: the system's gauges, p95",
            percentile(scrapes, 95) * 1000,
            "ms",
            "a database round trip, p95",
            percentile(trips, 95) * 1000,
            target="< 1000 ms",
        ),
    ]


def main(scale: float = 1.0) -> list[Row]:
    with fresh_database() as (url, _):
        return asyncio.run(measure(url, int(EVENTS * scale)))


if __name__ == "__main__":
    print(table(main()))
