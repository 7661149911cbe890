"""Consumer lag per group and partition: how many messages lie between a group's committed offset and the end
of the log. The in-process log is one partition (the outbox's log positions, offsets in the database); on Kafka,
each topic partition's end offset against the group's commit (`events.kafka_lag`)."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.consumer import Consumer
from events.inprocess import committed_offset, of_sources
from events.tables import OutboxRow
from infra.database import Database
from infra.settings import Settings

# The embedded bus's log, as Kafka would name a topic and partition.
OUTBOX_LOG = ("outbox", 0)


@dataclass(frozen=True)
class PartitionLag:
    consumer: str
    topic: str
    partition: int
    lag: int


async def lags(settings: Settings, db: Database, consumers: Sequence[Consumer]) -> list[PartitionLag]:
    if settings.bus == "kafka":
        from events.kafka_lag import kafka_lags  # kafka-python loads only where Kafka is the bus

        return await asyncio.to_thread(kafka_lags, settings, consumers)
    async with db.sessions() as session:
        return [await _log_lag(session, consumer) for consumer in consumers]


async def _log_lag(session: AsyncSession, consumer: Consumer) -> PartitionLag:
    after = await committed_offset(session, consumer.name)
    unread = (
        select(func.count()).select_from(OutboxRow).where(OutboxRow.log_position > after, of_sources(consumer.sources))
    )
    return PartitionLag(consumer.name, *OUTBOX_LOG, await session.scalar(unread) or 0)
