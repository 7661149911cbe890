"""The event processes: the relay, one worker per consumer, and the embedded mode running both in-process.

Distributed: `commons relay` (`run_relay`) and `commons worker NAME` (`run_worker`), one process each, scaled
by Kafka partitions. Embedded: `start_embedded` runs the relay, the consumers and the live tail as background
tasks of the serving process.
"""

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Coroutine, Sequence
from typing import Any

from events.bus import Bus
from events.consumer import Consumer
from events.inprocess import InProcessBus
from events.kafka import KafkaBus
from events.live import Broadcast
from events.relay import Relay, sweep
from events.runner import RetryPolicy, Runner
from events.runner import replay as replay_consumer
from events.status import Status
from events.status import status as pipeline_status
from infra.database import Database
from infra.settings import Settings
from infra.tasks import completed, stop_all

log = logging.getLogger("commons.events")
SWEEP_SECONDS = 3600


def make_bus(settings: Settings, db: Database) -> Bus:
    return KafkaBus(settings) if settings.bus == "kafka" else InProcessBus(db)


def make_runner(settings: Settings, db: Database, bus: Bus, consumer: Consumer) -> Runner:
    policy = RetryPolicy(settings.consumer_max_attempts, settings.consumer_retry_seconds)
    return Runner(consumer, db, bus, policy, settings.consumer_batch_size)


async def relay_forever(settings: Settings, db: Database, bus: Bus) -> None:
    """The relay, and every hour the retention sweep of sent outbox rows."""
    relay = asyncio.create_task(Relay(db, bus, settings.relay_batch_size).run())
    try:
        while True:
            try:
                log.info("outbox sweep deleted %d rows", await completed(sweep(db, settings.outbox_retention_days)))
            except Exception:
                log.exception("outbox sweep failed; trying again in %ds", SWEEP_SECONDS)
            await asyncio.sleep(SWEEP_SECONDS)
    finally:
        await stop_all([relay])


class Background:
    """The embedded mode's tasks; `stop()` cancels them and waits until they are done."""

    def __init__(self, bus: Bus, tasks: list[asyncio.Task[None]]) -> None:
        self.bus, self.tasks = bus, tasks

    async def stop(self) -> None:
        await stop_all(self.tasks)
        await self.bus.close()


def start_embedded(
    settings: Settings, db: Database, consumers: Sequence[Consumer], broadcast: Broadcast | None
) -> Background:
    """The live tail feeding `broadcast` and, when `settings.run_workers`, the relay and `consumers` too."""
    bus = make_bus(settings, db)
    jobs = [broadcast.run(bus.tail())] if broadcast is not None else []
    if settings.run_workers:
        jobs += [relay_forever(settings, db, bus), *(make_runner(settings, db, bus, c).run() for c in consumers)]
    return Background(bus, [asyncio.create_task(job) for job in jobs])


@contextlib.asynccontextmanager
async def connected(settings: Settings) -> AsyncIterator[tuple[Database, Bus]]:
    db = Database.of(settings)
    bus = make_bus(settings, db)
    try:
        yield db, bus
    finally:
        await bus.close()
        await db.dispose()


def run_until_stopped(job: Coroutine[Any, Any, None]) -> None:
    """Runs a process's main job until SIGTERM or Ctrl-C, then lets it clean up."""

    async def guarded() -> None:
        task = asyncio.create_task(job)
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(guarded())


async def run_relay(settings: Settings) -> None:
    async with connected(settings) as (db, bus):
        await relay_forever(settings, db, bus)


async def run_worker(settings: Settings, consumer: Consumer) -> None:
    async with connected(settings) as (db, bus):
        await make_runner(settings, db, bus, consumer).run()


async def status(settings: Settings, consumers: Sequence[Consumer]) -> Status:
    async with connected(settings) as (db, _):
        return await pipeline_status(db, consumers)


async def replay(settings: Settings, consumer: Consumer) -> None:
    async with connected(settings) as (db, bus):
        await replay_consumer(db, bus, consumer)
