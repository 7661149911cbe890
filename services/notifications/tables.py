"""The notifications service's tables: the inbox, the email outbox, members' choices, and jobs with a due time.

Notifications carry no content of what they are about: a kind, a subject, who acted, the group it happened in
and a link. Rows are built from events and scheduled jobs; preferences are chosen by members.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id
from infra.database import Base


def _id() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


class Notification(Base):
    """One thing that concerns a member; several events about one subject within minutes fold into one row."""

    __tablename__ = "notifications_inbox"
    __table_args__ = (
        Index("ix_notifications_inbox_recipient_time", "recipient_id", "updated_at"),
        Index("ix_notifications_inbox_fold", "subject", "kind", "created_at"),
    )

    id: Mapped[str] = _id()
    recipient_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(40))
    # What it is about, e.g. `meeting:<id>`; with kind and recipient it is the fold key.
    subject: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(300))
    path: Mapped[str] = mapped_column(String(300))
    group_id: Mapped[str | None] = mapped_column(String(36))
    actor_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    count: Mapped[int] = mapped_column(Integer, default=1)
    # The times of its first and last event (not of processing), so a replay finds the same rows and folds nothing
    # twice: an event no later than `updated_at` was applied already.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Email(Base):
    """The email outbox: one row per message, keyed so that a replay or a second sender never queues it twice."""

    __tablename__ = "notifications_emails"
    __table_args__ = (Index("ix_notifications_emails_due", "sent_at", "next_attempt_at"),)

    id: Mapped[str] = _id()
    # `notification:<id>`, `digest:<cadence>:<member>:<period start>`, `invitation:<id>` or
    # `account:<purpose>:<token hash>`.
    key: Mapped[str] = mapped_column(String(120), unique=True)
    # An account, or none for an address without one (an invitation), which is then in `address`.
    recipient_id: Mapped[str | None] = mapped_column(String(36))
    address: Mapped[str | None] = mapped_column(String(254))
    notification_id: Mapped[str | None] = mapped_column(String(36))
    # A letter another service wrote (subject, text, path) or a digest (digests.py), when not composed from a
    # notification; dropped once sent, since it may carry a single-use link.
    letter: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A sender holds a row until then; a sender that died lets it go when the lease runs out.
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(36))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Preference(Base):
    """A member's channel for one kind of notification; a kind without a row uses its default."""

    __tablename__ = "notifications_preferences"

    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(10))


class DueJob(Base):
    """Work with a due time (a meeting reminder, a survey reminder, a digest): survives restarts, runs once."""

    __tablename__ = "notifications_jobs"
    __table_args__ = (Index("ix_notifications_jobs_due", "done_at", "due_at"),)

    id: Mapped[str] = _id()
    key: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(36))
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
