"""The embedded bus: the outbox is the log. Durable across restarts, one process, no broker.

The relay "publishes" by giving rows a log position (in the order it saw them committed); readers take rows
after their committed offset, which is kept per consumer in `events_consumer_offsets`. Reading from the stored
offset on every poll (not from memory) means a replay started by another process takes effect at once.
"""

from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.bus import Delivery
from events.envelope import Event
from events.outbox import event_of
from events.signals import log_advanced
from events.tables import ConsumerOffset, OutboxRow
from infra.columns import utcnow
from infra.database import Database
from infra.tasks import completed


class InProcessBus:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def publish(self, events: Sequence[Event]) -> None:
        """Nothing to send: the relay's marking transaction positions the rows, and that is the publication."""

    def source(self, group: str, sources: Sequence[str]) -> "LogReader":
        return LogReader(self.db, group, tuple(sources))

    def tail(self) -> "LogReader":
        return LogReader(self.db, None, ())

    async def rewind(self, group: str, sources: Sequence[str]) -> None:
        async with self.db.transaction() as session:
            await store_offset(session, group, 0)

    async def dead_letter(self, group: str, event: Event, reason: str) -> None:
        """The dead-letter table is the whole record in the embedded mode."""

    async def close(self) -> None:
        pass


class LogReader:
    """A consumer group's reader of the log; with no group, a live tail from the end of the log."""

    def __init__(self, db: Database, group: str | None, sources: tuple[str, ...]) -> None:
        self.db, self.group, self.sources = db, group, sources
        self._live_position: int | None = None

    async def poll(self, max_events: int, timeout: float) -> list[Delivery]:
        since = log_advanced.generation
        deliveries = await completed(self._read(max_events))
        if not deliveries:
            await log_advanced.wait(since, timeout)
            # Woken by the relay, read again; after a quiet wait the next poll reads at once, so this one needn't.
            if log_advanced.generation > since:
                deliveries = await completed(self._read(max_events))
        return deliveries

    async def commit(self, deliveries: Sequence[Delivery]) -> None:
        if not deliveries:
            return
        position = max(delivery.position for delivery in deliveries)
        if self.group is None:
            self._live_position = position
            return
        async with self.db.transaction() as session:
            await store_offset(session, self.group, position)

    async def close(self) -> None:
        pass

    async def _read(self, limit: int) -> list[Delivery]:
        async with self.db.sessions() as session:
            query = select(OutboxRow).where(OutboxRow.log_position > await self._after(session))
            if self.sources:
                query = query.where(of_sources(self.sources))
            rows = await session.scalars(query.order_by(OutboxRow.log_position).limit(limit))
            return [Delivery(event_of(row), row.log_position) for row in rows]

    async def _after(self, session: AsyncSession) -> int:
        if self.group is not None:
            return await committed_offset(session, self.group)
        if self._live_position is None:
            self._live_position = await session.scalar(select(func.max(OutboxRow.log_position))) or 0
        return self._live_position


def of_sources(sources: Sequence[str]) -> ColumnElement[bool]:
    """Rows whose type belongs to one of the services named in `sources` (`service.entity.verb`)."""
    return or_(*(OutboxRow.type.startswith(f"{name}.", autoescape=True) for name in sources))


async def committed_offset(session: AsyncSession, group: str) -> int:
    return await session.scalar(select(ConsumerOffset.log_position).where(ConsumerOffset.consumer == group)) or 0


async def store_offset(session: AsyncSession, group: str, position: int) -> None:
    offset = await session.get(ConsumerOffset, group)
    if offset is None:
        session.add(ConsumerOffset(consumer=group, log_position=position, updated_at=utcnow()))
    else:
        offset.log_position, offset.updated_at = position, utcnow()
