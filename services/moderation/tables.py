"""Flags raised on what members wrote, blocks between members, and the append-only record of hosts' acts."""

from datetime import datetime

from sqlalchemy import JSON, Boolean, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id, utcnow
from infra.database import Base


class Flag(Base):
    """One member's report of one item; a decision on an item closes every open flag on it."""

    __tablename__ = "moderation_flags"
    __table_args__ = (UniqueConstraint("target_kind", "target_id", "flagged_by"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    author_id: Mapped[str] = mapped_column(String(36), index=True)
    # The item's audience when flagged: a peer group's item keeps its flag inside the group.
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    # What the reviewers read: the item as it was flagged, so a coordinator let in sees this one item only.
    excerpt: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    flagged_by: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    # Inside a peer group: the flagger chose to let the network's coordinators review it too.
    to_coordinators: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="open")
    decided_by: Mapped[str | None] = mapped_column(String(36))
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class Block(Base):
    """`blocker_id` blocked `blocked_id`: neither sees the other. The blocked member is never told."""

    __tablename__ = "moderation_blocks"

    blocker_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    blocked_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Act(Base):
    """One thing a host, coordinator or admin did, read from its event. Written once, never changed; only
    retention deletes."""

    __tablename__ = "moderation_acts"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    actor_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(80))
    subject: Mapped[str] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
