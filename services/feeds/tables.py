"""The feeds projection (built from events only) and what members choose about their feed.

Projected (rebuilt by replay): items with their audience keys, and the local groups, networks, partnerships
and member profiles that reasons and ranking need. Chosen by members (never touched by replay): marks,
interests. Derived from both: prepared first pages and the change counters that tell when one is stale
(prepared.py).
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime
from infra.database import Base


class FeedItem(Base):
    """One visible thing (story, resource, harvest, member, group, meeting), stored once for every feed."""

    __tablename__ = "feeds_items"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    excerpt: Mapped[str] = mapped_column(Text, default="")
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    network_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    local_group_id: Mapped[str | None] = mapped_column(String(64))
    peer_group_id: Mapped[str | None] = mapped_column(String(64))
    author_id: Mapped[str | None] = mapped_column(String(64))
    author_name: Mapped[str | None] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(String(300))
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The time of the last event applied for this subject: older events arriving late are ignored.
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class ItemAudience(Base):
    """Who may see an item, one row per audience key; a feed reads the rows of the member's keys, newest first."""

    __tablename__ = "feeds_item_audiences"
    __table_args__ = (Index("ix_feeds_item_audiences_key_time", "key", "published_at"),)

    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FeedLocalGroup(Base):
    __tablename__ = "feeds_local_groups"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    network_id: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    gone: Mapped[bool] = mapped_column(Boolean, default=False)


class FeedNetwork(Base):
    __tablename__ = "feeds_networks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Partnership(Base):
    """Two connected networks, stored both ways: tells "a connected network" from any other in reasons."""

    __tablename__ = "feeds_partnerships"

    network_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class FeedMember(Base):
    __tablename__ = "feeds_members"

    member_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Mark(Base):
    """An item a member saw (it drops) or dismissed (it leaves their feed)."""

    __tablename__ = "feeds_marks"

    member_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Interest(Base):
    """A practice area, local group or network a member follows (ranked up) or mutes (left out)."""

    __tablename__ = "feeds_interests"

    member_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    target: Mapped[str] = mapped_column(String(100), primary_key=True)
    stance: Mapped[str] = mapped_column(String(10))


class FeedRsvp(Base):
    """A member's answer to a gathering (projected from gatherings' RSVP events): its feed item says "you're
    going" or "you're on its waiting list", and ranks with their own groups'."""

    __tablename__ = "feeds_rsvps"

    member_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    answer: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChangeCount(Base):
    """How often what a key's feeds are built from changed: an audience key's items, a member's own choices
    (`member:<id>`), or the names and partnerships every reason reads (`*`). Counts only grow."""

    __tablename__ = "feeds_change_counts"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    changes: Mapped[int] = mapped_column(BigInteger, default=0)


class PreparedPage(Base):
    """A member's ranked first page, kept while its outlook, its keys' change counts and its time hold."""

    __tablename__ = "feeds_prepared_pages"

    member_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # A digest of the circles, late seats and blocks the page was ranked for.
    outlook: Mapped[str] = mapped_column(String(64))
    # The sum of the change counts of the page's keys when it was ranked.
    changes: Mapped[int] = mapped_column(BigInteger)
    # When the next item of its keys falls due, or a meeting on it ends; null: no such time.
    good_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
