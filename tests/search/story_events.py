"""Events that carry (or withdraw) a story's publication, as the indexer reads them, for search's tests."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from events.catalogue import Payload, new_event, payload
from events.envelope import Event
from events.publication import Publication

T0 = datetime(2026, 3, 1, tzinfo=UTC)
N1 = "network:n1"


@payload("knowledge.searchtest.changed", 1)
class StoryChanged(Payload):
    publication: Publication | None


@payload("knowledge.searchtest.liked", 1)
class StoryLiked(Payload):
    by: str


def changed(title: str | None, audience: str = N1, minutes: int = 0, subject: str = "story-1") -> Event:
    seen = title and Publication(kind="story", title=title, created_at=T0, updated_at=T0, path=f"/stories/{subject}")
    event = new_event(StoryChanged(publication=seen or None), subject=subject, audience=[audience], network=None)
    return replace(event, time=T0 + timedelta(minutes=minutes))
