"""Stories with their revisions, resources with members' contributions and ratings, and reactions and comments."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id, utcnow
from infra.database import Base


class Story(Base):
    __tablename__ = "knowledge_stories"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    author_id: Mapped[str] = mapped_column(String(36), index=True)
    author_name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The circle it was written in, and every circle it reaches now (the first, plus the author's shares).
    written_in: Mapped[str] = mapped_column(String(80))
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    withdrawn: Mapped[bool] = mapped_column(default=False)
    # Hidden by a reviewer (moderation): only its author still sees it, marked hidden.
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StoryRevision(Base):
    """A story as it was before an edit."""

    __tablename__ = "knowledge_story_revisions"
    __table_args__ = (UniqueConstraint("story_id", "number"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    story_id: Mapped[str] = mapped_column(ForeignKey("knowledge_stories.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Who could read this text while it was current: the story's audience when the edit replaced it. A later
    # share widens the story's current text only.
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)


class Resource(Base):
    __tablename__ = "knowledge_resources"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    # How duplicates are found: the normalised URL, else the normalised title.
    url: Mapped[str | None] = mapped_column(String(2000))
    url_key: Mapped[str | None] = mapped_column(String(2000), index=True)
    title_key: Mapped[str] = mapped_column(String(300), index=True)
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)
    added_by: Mapped[str] = mapped_column(String(36))
    added_by_name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contribution(Base):
    """A member's signed experience with a resource, or an evaluation finding about it."""

    __tablename__ = "knowledge_contributions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    resource_id: Mapped[str] = mapped_column(ForeignKey("knowledge_resources.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str] = mapped_column(String(36))
    author_name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false())


class Rating(Base):
    __tablename__ = "knowledge_ratings"

    resource_id: Mapped[str] = mapped_column(ForeignKey("knowledge_resources.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    stars: Mapped[int] = mapped_column(Integer)
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Comment(Base):
    """A comment, a question or a "that reminds me of when I…" on a story, resource or harvest."""

    __tablename__ = "knowledge_comments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str] = mapped_column(String(36))
    author_name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Its target's audience when it was written: sharing the target wider later does not take it along.
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)


class Reaction(Base):
    __tablename__ = "knowledge_reactions"

    target_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reaction: Mapped[str] = mapped_column(String(20), primary_key=True)
    target_kind: Mapped[str] = mapped_column(String(20))
    reacted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # As a comment's: its target's audience when it was given.
    audience: Mapped[list[str]] = mapped_column(JSON, default=list)


class Reach(Base):
    """One audience key of a story or resource, so lists can ask "what may this viewer see" in SQL."""

    __tablename__ = "knowledge_reach"

    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)
