"""The transactional outbox: events are written here in the same transaction as the change they describe."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime
from infra.database import Base

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
Position = BigInteger().with_variant(Integer(), "sqlite")


class OutboxRow(Base):
    __tablename__ = "events_outbox"

    position: Mapped[int] = mapped_column(Position, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(120))
    network: Mapped[str | None] = mapped_column(String(36))
    audience: Mapped[list[str]] = mapped_column(JSON)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    time: Mapped[datetime] = mapped_column(UTCDateTime)
    # W3C trace context of the writing request (55 characters in version 00).
    traceparent: Mapped[str | None] = mapped_column(String(55))
    # Set by the relay when the bus has the event; the log position follows the order the relay saw commits in.
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    log_position: Mapped[int | None] = mapped_column(BigInteger, unique=True)

    __table_args__ = (Index("ix_events_outbox_unsent", "sent_at", "position"),)


class ConsumerOffset(Base):
    """How far each consumer has read the in-process log (the outbox's log positions)."""

    __tablename__ = "events_consumer_offsets"

    consumer: Mapped[str] = mapped_column(String(80), primary_key=True)
    log_position: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProcessedEvent(Base):
    """Written in the consumer's own transaction, so a redelivered event has no second effect."""

    __tablename__ = "events_processed"

    consumer: Mapped[str] = mapped_column(String(80), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class DeadLetter(Base):
    """An event a consumer gave up on, with the reason; the rest flow on."""

    __tablename__ = "events_dead_letters"

    id: Mapped[int] = mapped_column(Position, primary_key=True, autoincrement=True)
    consumer: Mapped[str] = mapped_column(String(80), index=True)
    event_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(2000))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MemberKey(Base):
    """A member's key for the personal fields of events (crypto-shredding, `events/sealing.py`). Erasing the member
    clears it, so every copy of those fields (the outbox, Kafka's topics, backups) reads as "a former member"."""

    __tablename__ = "events_member_keys"

    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # None once shredded: events about the member recorded later are written with the placeholder, not a new key.
    key: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    shredded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
