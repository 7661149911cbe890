"""Harvest notes of gatherings, their items (with the stories and resources they cite) and consent requests."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id, utcnow
from infra.database import Base


class Harvest(Base):
    __tablename__ = "harvests_harvests"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(String(200))
    gathering: Mapped[str] = mapped_column(String(30))
    # The gathering it harvests (gatherings service), if it was held on the platform.
    gathering_id: Mapped[str | None] = mapped_column(String(36), index=True)
    held_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    # Set when published: the network and every network connected to it then.
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by: Mapped[str] = mapped_column(String(36))
    created_by_name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Hidden by a reviewer (moderation): it reaches no one but the network's hosts, and leaves search and feeds.
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false())


class HarvestItem(Base):
    """One insight, pattern, open question or action, with what it cites."""

    __tablename__ = "harvests_items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    harvest_id: Mapped[str] = mapped_column(ForeignKey("harvests_harvests.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    story_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    resource_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    # An action's owner (a member of the network) and due date, followed up at the circle's next gathering.
    owner_id: Mapped[str | None] = mapped_column(String(36), index=True)
    owner_name: Mapped[str | None] = mapped_column(String(120))
    due_on: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CitationRequest(Base):
    """A host's request to cite a confidential story, answered by its author."""

    __tablename__ = "harvests_citation_requests"
    __table_args__ = (UniqueConstraint("harvest_id", "story_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    harvest_id: Mapped[str] = mapped_column(ForeignKey("harvests_harvests.id", ondelete="CASCADE"), index=True)
    story_id: Mapped[str] = mapped_column(String(36))
    author_id: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The story's version asked about (its number of edits); an edit after consent asks again about the new one.
    version: Mapped[int] = mapped_column(Integer, default=0)
    # What the author last consented to show, kept until they answer again: readers outside the story's circle
    # see this text, never a later edit they were not asked about. None: nothing consented (or refused).
    consented_title: Mapped[str | None] = mapped_column(String(200))
    consented_excerpt: Mapped[str | None] = mapped_column(Text)


class Reach(Base):
    """One audience key of a published harvest, so lists can filter by the viewer's circles in SQL."""

    __tablename__ = "harvests_reach"

    harvest_id: Mapped[str] = mapped_column(ForeignKey("harvests_harvests.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)
