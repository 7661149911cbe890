"""How far behind the pipeline is: the outbox backlog, and per consumer the events it has yet to process.

"Behind" counts events on the bus (sent outbox rows) from the consumer's sources without a processed record for
it. It is computed from the database, so it reads the same for both buses, and stays exact on brokers whose
end offsets are approximate (tansu reports the last batch's first offset).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.consumer import Consumer
from events.inprocess import of_sources
from events.tables import DeadLetter, OutboxRow, ProcessedEvent
from infra.database import Database


@dataclass(frozen=True)
class ConsumerStatus:
    name: str
    behind: int
    dead_letters: int


@dataclass(frozen=True)
class Status:
    backlog: int
    consumers: list[ConsumerStatus]

    @property
    def idle(self) -> bool:
        return self.backlog == 0 and all(consumer.behind == 0 for consumer in self.consumers)


async def status(db: Database, consumers: Sequence[Consumer]) -> Status:
    async with db.sessions() as session:
        return Status(await backlog(session), [await consumer_status(session, consumer) for consumer in consumers])


async def backlog(session: AsyncSession) -> int:
    """Outbox rows not yet on the bus."""
    return await session.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_(None))) or 0


async def dead_letters(session: AsyncSession, consumer: Consumer) -> int:
    return (
        await session.scalar(select(func.count()).select_from(DeadLetter).where(DeadLetter.consumer == consumer.name))
        or 0
    )


async def consumer_status(session: AsyncSession, consumer: Consumer) -> ConsumerStatus:
    processed = exists().where(ProcessedEvent.consumer == consumer.name, ProcessedEvent.event_id == OutboxRow.event_id)
    behind = (
        select(func.count())
        .select_from(OutboxRow)
        .where(OutboxRow.sent_at.is_not(None), of_sources(consumer.sources), ~processed)
    )
    return ConsumerStatus(consumer.name, await session.scalar(behind) or 0, await dead_letters(session, consumer))
