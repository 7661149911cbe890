"""What the indexer last applied to each subject, and the document it produced.

The event time and id order an entity's events: an event older than the one applied is ignored. The stored
document (None once the entity is gone, a tombstone that keeps late events from resurrecting it) lets a
rebuild work from search's own data, not only the outbox's retained history.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime
from infra.database import Base


class SearchSubject(Base):
    __tablename__ = "search_subjects"

    subject: Mapped[str] = mapped_column(String(120), primary_key=True)
    event_time: Mapped[datetime] = mapped_column(UTCDateTime)
    event_id: Mapped[str] = mapped_column(String(36))
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    # When the indexer applied it: a rebuild re-applies what changed while it ran.
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
