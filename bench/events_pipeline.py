"""Events through the pipeline: outbox -> relay -> Kafka (tansu) -> runner -> a no-op consumer.

Compared with raw kafka-python on the same broker (the same messages produced and consumed concurrently,
committing each poll), and the latency from a writer's commit to the consumer's handler, on Kafka and
in-process. Alone: `python -m bench.events_pipeline` (COMMONS_BENCH_DATABASE_URL picks PostgreSQL).
"""

import asyncio
import time

from bench._events import counting, items, raw_kafka_throughput, write
from bench.report import Row, percentile, table
from bench.serving import fresh_database
from events.processes import make_bus
from events.relay import Relay
from events.runner import Runner
from infra.columns import new_id
from infra.database import Database
from infra.local_kafka import local_broker
from infra.settings import Settings

EVENTS = 5_000
LATENCY_SAMPLES = 200


async def pipeline_throughput(settings: Settings, db: Database, count: int) -> float:
    """Events per second from a full outbox to the last event handled (the group joined beforehand)."""
    seen: dict[str, float] = {}
    bus = make_bus(settings, db)
    runner, relay = Runner(counting(seen), db, bus), Relay(db, bus, settings.relay_batch_size)
    source = bus.source(runner.consumer.name, runner.consumer.sources)
    await write(db, items(1))
    await relay.drain()
    while not seen:
        await runner.step(source, 0.1)
    for start in range(0, count, 1000):
        await write(db, items(min(1000, count - start)))
    began = time.perf_counter()
    relaying = asyncio.create_task(relay.run(idle_seconds=0.05))
    while len(seen) < count + 1:
        await runner.step(source, 0.1)
    elapsed = time.perf_counter() - began
    relaying.cancel()
    await asyncio.gather(relaying, return_exceptions=True)
    await source.close()
    await bus.close()
    return count / elapsed


async def latencies(settings: Settings, db: Database) -> tuple[float, float]:
    """p50 and p99 seconds from a writer's commit to the handler, with relay and consumer running."""
    seen: dict[str, float] = {}
    committed: dict[str, float] = {}
    bus = make_bus(settings, db)
    runner = Runner(counting(seen), db, bus)
    workers = [asyncio.create_task(Relay(db, bus).run()), asyncio.create_task(runner.run(poll_seconds=0.5))]
    await write(db, items(1))
    while not seen:
        await asyncio.sleep(0.05)
    for event in items(LATENCY_SAMPLES):
        await write(db, [event])
        committed[event.id] = time.perf_counter()
        await asyncio.sleep(0.01)
    while not committed.keys() <= seen.keys():
        await asyncio.sleep(0.05)
    for worker in workers:
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    await bus.close()
    delays = [seen[event_id] - at for event_id, at in committed.items()]
    return percentile(delays, 50), percentile(delays, 99)


async def measure(url: str, bootstrap: str, count: int) -> list[Row]:
    settings = Settings(
        database_url=url,
        bus="kafka",
        kafka_bootstrap=bootstrap,
        kafka_topic_prefix=f"bench-{new_id()[:8]}",
        kafka_max_poll_interval_ms=1500,
        kafka_session_timeout_ms=2000,
        relay_batch_size=1000,
    )
    db = Database(url)
    try:
        local_p50, local_p99 = await latencies(settings.model_copy(update={"bus": "inprocess"}), db)
        kafka_p50, kafka_p99 = await latencies(settings, db)
        raw = await asyncio.to_thread(raw_kafka_throughput, settings, count)
        piped = await pipeline_throughput(settings, db, count)
    finally:
        await db.dispose()
    return [
        Row(
            "events: outbox -> Kafka -> consumer",
            piped,
            "events/s",
            "raw kafka-python produce+consume",
            raw,
            target="ratio >= 0.5",
        ),
        Row("events: commit-to-consumed p50, Kafka", kafka_p50 * 1000, "ms"),
        Row("events: commit-to-consumed p99, Kafka", kafka_p99 * 1000, "ms", target="< 1000 ms"),
        Row("events: commit-to-consumed p50, in-process", local_p50 * 1000, "ms"),
        Row("events: commit-to-consumed p99, in-process", local_p99 * 1000, "ms", target="< 100 ms"),
    ]


def main(scale: float = 1.0) -> list[Row]:
    with fresh_database() as (url, _), local_broker() as broker:
        return asyncio.run(measure(url, broker.bootstrap, int(EVENTS * scale)))


if __name__ == "__main__":
    print(table(main()))
