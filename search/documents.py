"""Search documents from events (event-carried state) and to and from the JSON search keeps of them."""

from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

from events.envelope import Event
from events.publication import Publication
from search.port import SearchDocument

_DATES = {"created_at", "updated_at"}
_LISTS = {field.name for field in fields(SearchDocument) if field.type == tuple[str, ...]}


def carries_publication(event: Event) -> bool:
    return "publication" in event.data


def document_of(event: Event) -> SearchDocument | None:
    """The document an event describes; None when its entity is gone."""
    raw = event.data["publication"]
    if raw is None:
        return None
    seen = Publication.model_validate(raw)
    return SearchDocument(
        id=event.subject,
        kind=seen.kind,
        title=seen.title,
        text=seen.text,
        audience=tuple(event.audience),
        practice_areas=tuple(seen.practice_areas),
        tags=tuple(seen.tags),
        author_id=seen.author_id,
        author_name=seen.author_name,
        network_ids=tuple(seen.network_ids),
        created_at=seen.created_at,
        updated_at=seen.updated_at,
        path=seen.path,
    )


def to_json(document: SearchDocument) -> dict[str, Any]:
    raw = asdict(document)
    return {**raw, **{name: raw[name].isoformat() for name in _DATES}, **{n: list(raw[n]) for n in _LISTS}}


def from_json(raw: dict[str, Any]) -> SearchDocument:
    values = {**raw, **{name: datetime.fromisoformat(raw[name]) for name in _DATES}}
    return SearchDocument(**{**values, **{name: tuple(raw[name]) for name in _LISTS}})
