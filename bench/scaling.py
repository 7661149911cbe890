"""Scaling out the consumers: one, then two `commons worker indexer` and `commons worker feeds` processes per
group on tansu, each run over the same backlog of stories shared with a network.

The workers start first and join their groups (each says in its log which partitions it reads); then the relay
moves the backlog from the outbox to Kafka, and each group's throughput is its events over the time from its first
processed event to its last. Two workers of a group share its partitions; on PostgreSQL they write side by side,
on SQLite they queue for its one writer. The embedded search index takes one writer at a time, so two indexers
write it in turn. Alone: `python -m bench.scaling` (COMMONS_BENCH_DATABASE_URL picks PostgreSQL).
"""

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path

from sqlalchemy import func, select

from bench.feeds_data import story
from bench.report import Row, table
from bench.serving import fresh_database
from events import audience
from events.outbox import record
from events.processes import connected
from events.relay import Relay
from events.tables import ProcessedEvent
from infra.columns import new_id
from infra.database import Database
from infra.local_kafka import local_broker
from infra.settings import Settings

STORIES, PARTITIONS, BATCH, GROUPS = 2_000, 6, 50, ("indexer", "feeds")
PATIENCE = 300.0


def configured(url: str, folder: Path, bootstrap: str) -> Settings:
    """tansu has no idempotent producer. Batches are small and the poll interval long, so that a member slowed by a
    loaded machine is not taken for dead mid-measurement (a rebalance would stall its group)."""
    return Settings(
        database_url=url,
        data_dir=folder,
        bus="kafka",
        kafka_bootstrap=bootstrap,
        kafka_partitions=PARTITIONS,
        kafka_topic_prefix=f"scaling-{new_id()[:8]}",
        kafka_idempotence=False,
        kafka_max_poll_interval_ms=10_000,
        kafka_session_timeout_ms=10_000,
        consumer_batch_size=BATCH,
        log_level="INFO",
    )


def environment(settings: Settings) -> dict[str, str]:
    own = {f"COMMONS_{name.upper()}": str(value) for name, value in settings.model_dump(exclude_none=True).items()}
    return {**{name: value for name, value in os.environ.items() if not name.startswith("COMMONS_")}, **own}


async def backlog(db: Database, count: int) -> None:
    """Stories shared with one network, written to the outbox (not yet relayed)."""
    network = new_id()
    keys = [audience.network(network)]
    for start in range(0, count, 500):
        async with db.transaction() as session:
            record(session, [story(network, keys, f"Story {n}", 60.0) for n in range(start, min(start + 500, count))])


def start(name: str, env: dict[str, str], folder: Path) -> subprocess.Popen[bytes]:
    with (folder / f"{name}.log").open("wb") as log:
        command = [sys.executable, "-m", "commons.cli", "worker", name.split("-")[0]]
        return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


async def joined(folder: Path, workers: int) -> bool:
    """Every worker reads some partitions since the group's last rebalance."""
    logs = [path.read_text() for path in folder.glob("*-*.log")]
    lasts = [text.rsplit("this member reads", 1)[-1] for text in logs if "this member reads" in text]
    return len(lasts) == workers * len(GROUPS) and not any(last.startswith(" nothing") for last in lasts)


async def throughput(db: Database, group: str) -> float:
    async with db.sessions() as session:
        first, last, count = (
            await session.execute(
                select(
                    func.min(ProcessedEvent.processed_at), func.max(ProcessedEvent.processed_at), func.count()
                ).where(ProcessedEvent.consumer == group)
            )
        ).one()
    return float(count / (last - first).total_seconds())


async def processed(db: Database, group: str) -> int:
    async with db.sessions() as session:
        return await session.scalar(select(func.count()).where(ProcessedEvent.consumer == group)) or 0


async def measure(settings: Settings, workers: int, count: int) -> dict[str, float]:
    folder = settings.data_dir
    running = [start(f"{group}-{n}", environment(settings), folder) for group in GROUPS for n in range(workers)]
    try:
        await until(lambda: joined(folder, workers), "the workers joined their groups")
        async with connected(settings) as (db, bus):
            await backlog(db, count)
            await Relay(db, bus, settings.relay_batch_size).drain()
            for group in GROUPS:
                await until(partial(done, db, group, count), f"{group} processed the backlog")
            return {group: await throughput(db, group) for group in GROUPS}
    finally:
        stop(running)


def stop(running: list[subprocess.Popen[bytes]]) -> None:
    for process in running:
        process.send_signal(signal.SIGTERM)
    for process in running:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def done(db: Database, group: str, count: int) -> bool:
    return await processed(db, group) >= count


async def until(check: Callable[[], Awaitable[bool]], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not await check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"scaling benchmark: {what} did not happen within {PATIENCE:.0f}s")
        await asyncio.sleep(0.2)


def run(workers: int, count: int) -> dict[str, float]:
    with fresh_database() as (url, folder), local_broker() as broker:
        return asyncio.run(measure(configured(url, folder, broker.bootstrap), workers, count))


def main(scale: float = 1.0) -> list[Row]:
    count = int(STORIES * scale)
    one, two = run(1, count), run(2, count)
    return [
        Row(
            f"scaling: {group}, 2 workers vs 1, events/s",
            two[group],
            "events/s",
            baseline_name=f"{group}, 1 worker",
            baseline_value=one[group],
        )
        for group in GROUPS
    ]


if __name__ == "__main__":
    print(table(main()))
