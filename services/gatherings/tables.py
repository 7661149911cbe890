"""Gatherings of a network or local group, members' RSVPs (with the waiting list) and attendance."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id, utcnow
from infra.database import Base


class Gathering(Base):
    __tablename__ = "gatherings_gatherings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    local_group_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # The circle it belongs to and is seen by: `network:<id>` or `local_group:<id>`.
    audience_key: Mapped[str] = mapped_column(String(80), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(500), default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int] = mapped_column(Integer)
    waiting_list: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    # Counts every RSVP change; writing it first serializes RSVPs to one gathering (a row lock on PostgreSQL,
    # the write lock on SQLite) and numbers the waiting list in arrival order.
    answers: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(36))
    created_by_name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Rsvp(Base):
    """A member's answer: going, waiting (in `queue` order) or not going."""

    __tablename__ = "gatherings_rsvps"

    gathering_id: Mapped[str] = mapped_column(
        ForeignKey("gatherings_gatherings.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    member_name: Mapped[str] = mapped_column(String(120))
    answer: Mapped[str] = mapped_column(String(20))
    queue: Mapped[int] = mapped_column(Integer, default=0)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attendance(Base):
    """Who was there, as a host recorded it."""

    __tablename__ = "gatherings_attendance"

    gathering_id: Mapped[str] = mapped_column(
        ForeignKey("gatherings_gatherings.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_name: Mapped[str] = mapped_column(String(120))
    present: Mapped[bool] = mapped_column(Boolean)
    recorded_by: Mapped[str] = mapped_column(String(36))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
