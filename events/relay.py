"""The relay: moves committed outbox rows to the bus, in order and in batches, then marks them sent.

At least once: rows are marked only after the bus acknowledged them, so a relay killed in between sends them
again on restart and consumers drop the duplicates by event id. Marking gives each row its log position, in the
order the relay saw the rows committed, which is the order the in-process log delivers them in. Run one relay
per database (a second one is harmless, but their markings collide and one of them retries).
"""

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import delete, func, select, update

from events.bus import Bus
from events.observed import RELAYED
from events.outbox import event_of
from events.signals import log_advanced, outbox_committed
from events.tables import ConsumerOffset, OutboxRow, ProcessedEvent
from infra.columns import utcnow
from infra.database import Database, rows_changed
from infra.tasks import completed

log = logging.getLogger("commons.events.relay")


class Relay:
    def __init__(self, db: Database, bus: Bus, batch_size: int = 500) -> None:
        self.db, self.bus, self.batch_size = db, bus, batch_size

    async def relay_once(self) -> int:
        """Sends the oldest batch of unsent rows; how many it sent."""
        rows = await self._unsent()
        if rows:
            await self.bus.publish([event_of(row) for row in rows])
            await self._mark_sent(rows)
            RELAYED.inc(len(rows))
            log_advanced.notify()
        return len(rows)

    async def drain(self) -> int:
        total = 0
        while sent := await self.relay_once():
            total += sent
        return total

    async def run(self, idle_seconds: float = 0.5, retry_seconds: float = 1.0) -> None:
        """Relays until cancelled; a failing bus is retried, so writes never wait for it."""
        while True:
            since = outbox_committed.generation
            try:
                sent = await completed(self.relay_once())
            except Exception as error:
                log.warning("relay failed, retrying in %.1fs: %r", retry_seconds, error)
                await asyncio.sleep(retry_seconds)
                continue
            if sent < self.batch_size:
                await outbox_committed.wait(since, idle_seconds)

    async def _unsent(self) -> list[OutboxRow]:
        async with self.db.sessions() as session:
            query = select(OutboxRow).where(OutboxRow.sent_at.is_(None)).order_by(OutboxRow.position)
            return list(await session.scalars(query.limit(self.batch_size)))

    async def _mark_sent(self, rows: Sequence[OutboxRow]) -> None:
        sent_at = utcnow()
        async with self.db.transaction() as session:
            end = await session.scalar(select(func.max(OutboxRow.log_position))) or 0
            marks = [
                {"position": row.position, "log_position": end + number, "sent_at": sent_at}
                for number, row in enumerate(rows, start=1)
            ]
            await session.execute(update(OutboxRow), marks)


async def sweep(db: Database, retention_days: int) -> int:
    """Deletes sent rows older than the retention, except rows an in-process consumer has yet to read."""
    cutoff = utcnow() - timedelta(days=retention_days)
    async with db.transaction() as session:
        expired = [OutboxRow.sent_at < cutoff]
        slowest = await session.scalar(select(func.min(ConsumerOffset.log_position)))
        if slowest is not None:
            expired.append(OutboxRow.log_position <= slowest)
        deleted = await rows_changed(session, delete(OutboxRow).where(*expired))
        await session.execute(delete(ProcessedEvent).where(ProcessedEvent.processed_at < cutoff))
    return deleted
