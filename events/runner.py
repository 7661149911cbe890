"""The consumer runner: effects happen once per consumer, however often the bus delivers an event.

Each batch runs in one database transaction that applies the handler and records the event ids as processed
for this consumer; only then is the batch committed on the bus. A batch that fails is re-run one event at a
time with exponential backoff; an event that keeps failing goes to the dead letters (with the reason) and the
rest flow on, unless what fails is the database or the network: then the batch comes again after a pause. An
event of a version this code does not know (`UnknownEvent`) is dead-lettered at once rather than skipped, so a
replay after upgrading the consumer can still apply it.
"""

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncSession

from events.bus import Bus, Delivery, EventSource
from events.catalogue import UnknownEvent
from events.consumer import Consumer
from events.envelope import Event
from events.keys import opened
from events.observed import APPLIED, DEAD_LETTERED, RETRIES, handling
from events.tables import DeadLetter, ProcessedEvent
from infra.columns import utcnow
from infra.database import Database
from infra.tasks import completed

log = logging.getLogger("commons.events.runner")
REOPEN_SECONDS = 1.0
# The platform failing, not the event: the database away, locked or out of connections, the network down. An event
# is never dead-lettered for these, or it would never reach search or the feeds; it is retried until they pass.
UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout, OSError)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    base_seconds: float = 0.5

    def delay(self, attempt: int) -> float:
        return self.base_seconds * 2.0 ** (attempt - 1)


class Runner:
    def __init__(
        self, consumer: Consumer, db: Database, bus: Bus, policy: RetryPolicy = RetryPolicy(), batch_size: int = 500
    ) -> None:
        self.consumer, self.db, self.bus, self.policy, self.batch_size = consumer, db, bus, policy, batch_size

    async def run(self, poll_seconds: float = 0.5) -> None:
        """Consumes until cancelled. A broken source or database reopens the source at the last commit."""
        await self.prepare()
        while True:
            source = self.bus.source(self.consumer.name, self.consumer.sources)
            try:
                while True:
                    await self.step(source, poll_seconds)
            except Exception as error:
                log.warning("consumer %s failed, resuming from its last commit: %r", self.consumer.name, error)
                await asyncio.sleep(REOPEN_SECONDS)
            finally:
                await source.close()

    async def prepare(self) -> None:
        """Readies what the consumer writes to, before its first event: `run` starts with it."""
        if self.consumer.prepare is not None:
            await self.consumer.prepare()

    async def step(self, source: EventSource, poll_seconds: float = 0.5) -> int:
        deliveries = await source.poll(self.batch_size, poll_seconds)
        # An idle consumer polls twice a second: an empty batch has nothing to apply or commit, so no transaction.
        if deliveries:
            await completed(self._settle(source, deliveries))
        return len(deliveries)

    async def _settle(self, source: EventSource, deliveries: Sequence[Delivery]) -> None:
        """Applies the batch, then commits it on the bus: one step, which a stopping worker lets finish."""
        await self.process(deliveries)
        await source.commit(deliveries)

    async def process(self, deliveries: Sequence[Delivery]) -> None:
        events = list({delivery.event.id: delivery.event for delivery in deliveries}.values())
        try:
            async with self.db.transaction() as session:
                applied = await self._apply(session, events)
            APPLIED.labels(self.consumer.name).inc(applied)
        except Exception as error:
            # The error's kind only: its message may quote the events' data.
            name, kind = self.consumer.name, type(error).__name__
            log.warning("%s: a batch of %d events failed (%s); applying each alone", name, len(events), kind)
            for event in events:
                await self._process_alone(event)

    async def _apply(self, session: AsyncSession, events: Sequence[Event]) -> int:
        done = set(
            await session.scalars(
                select(ProcessedEvent.event_id).where(
                    ProcessedEvent.consumer == self.consumer.name, ProcessedEvent.event_id.in_([e.id for e in events])
                )
            )
        )
        fresh = [event for event in events if event.id not in done]
        for event in await opened(session, fresh):
            with handling(self.consumer.name, event):
                log.info("%s handles %s", self.consumer.name, event.type)
                await self.consumer.handle(event, session)
        if self.consumer.finish is not None:
            await self.consumer.finish(session)
        session.add_all(self._processed(event) for event in fresh)
        return len(fresh)

    async def _process_alone(self, event: Event) -> None:
        reason = ""
        for attempt in range(1, self.policy.max_attempts + 1):
            try:
                async with self.db.transaction() as session:
                    applied = await self._apply(session, [event])
                APPLIED.labels(self.consumer.name).inc(applied)
                return
            except UnknownEvent as error:
                return await self._dead_letter(event, f"unknown event version: {error}", attempt)
            except Exception as error:
                if isinstance(error, UNAVAILABLE) and attempt == self.policy.max_attempts:
                    raise  # run() reopens the source at the last commit: the event comes again, later
                reason = f"{type(error).__name__}: {error}"
                with handling(self.consumer.name, event):
                    kind = type(error).__name__
                    log.warning("%s: attempt %d on %s failed (%s)", self.consumer.name, attempt, event.type, kind)
                if attempt < self.policy.max_attempts:
                    RETRIES.labels(self.consumer.name).inc()
                    await asyncio.sleep(self.policy.delay(attempt))
        await self._dead_letter(event, reason, self.policy.max_attempts)

    async def _dead_letter(self, event: Event, reason: str, attempts: int) -> None:
        with handling(self.consumer.name, event):
            # The error's kind only: its message may quote the event's data; the dead letter keeps it all.
            log.error("%s gave up on %s: %s", self.consumer.name, event.type, reason.partition(":")[0])
        DEAD_LETTERED.labels(self.consumer.name).inc()
        await self.bus.dead_letter(self.consumer.name, event, reason)
        async with self.db.transaction() as session:
            session.add(
                DeadLetter(
                    consumer=self.consumer.name,
                    event_id=event.id,
                    type=event.type,
                    version=event.version,
                    reason=reason[:2000],
                    payload=event.to_dict(),
                    attempts=attempts,
                    failed_at=utcnow(),
                )
            )
            session.add(self._processed(event))

    def _processed(self, event: Event) -> ProcessedEvent:
        return ProcessedEvent(consumer=self.consumer.name, event_id=event.id, processed_at=utcnow())


async def replay(db: Database, bus: Bus, consumer: Consumer) -> None:
    """The consumer forgets what it processed and reads from the beginning, rebuilding its projection."""
    async with db.transaction() as session:
        await session.execute(delete(ProcessedEvent).where(ProcessedEvent.consumer == consumer.name))
    await bus.rewind(consumer.name, consumer.sources)
