"""The search port: what the rest of the platform asks of a search index, whatever engine serves it.

Every search names the caller's audience keys; an adapter filters by them inside the engine query, so hits,
totals, facet counts and suggestions only ever derive from documents the caller may see.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from events import audience

# The fields a search can count by; the values are document attribute names.
FACET_FIELDS = ("kind", "practice_areas", "network_ids", "author_id")
# Values counted per facet, the most frequent first: as many as a page can offer as choices.
FACET_VALUES = 20


@dataclass(frozen=True)
class SearchDocument:
    id: str
    kind: str
    title: str
    audience: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    path: str
    text: str = ""
    practice_areas: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    author_id: str | None = None
    author_name: str | None = None
    network_ids: tuple[str, ...] = ()


class Sort(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"


@dataclass(frozen=True)
class SearchFilters:
    kinds: tuple[str, ...] = ()
    practice_areas: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    updated_from: datetime | None = None
    updated_to: datetime | None = None


@dataclass(frozen=True)
class SearchRequest:
    query: str
    # Required on purpose: there is no unfiltered search.
    audiences: frozenset[str]
    filters: SearchFilters = SearchFilters()
    facets: tuple[str, ...] = FACET_FIELDS
    sort: Sort = Sort.RELEVANCE
    offset: int = 0
    limit: int = 20
    # Audiences the caller joined late (`peer_group:<id>` -> when): they admit documents created from then on.
    sees_from: Mapping[str, datetime] = field(default_factory=dict, hash=False)
    # Members the caller has a block with: nothing they wrote (nor their profile) is found.
    unseen_authors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    # HTML-escaped text with the matched words wrapped in <mark>.
    title_html: str
    snippet_html: str
    score: float = 0.0


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    total: int
    # field -> value -> count, over the visible documents that match the query and filters.
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # The query with its typos corrected, when some words matched only approximately.
    suggestion: str | None = None


def late_audiences(audiences: frozenset[str], sees_from: Mapping[str, datetime]) -> list[tuple[str, datetime]]:
    """The caller's audiences they joined late, each with the first instant it admits. Engines index times to the
    second, so the bound rounds up to a whole second: no document written before the seat ever matches."""
    return [(key, _whole_second_up(since)) for key, since in audience.seen_since(audiences, sees_from)]


def _whole_second_up(moment: datetime) -> datetime:
    whole = moment.replace(microsecond=0)
    return whole if whole == moment else whole + timedelta(seconds=1)


class SearchIndex(Protocol):
    def apply_settings(self) -> None:
        """Creates the index if needed and brings its settings (fields, synonyms, typo rules) up to date."""

    def healthy(self) -> bool:
        """Whether the engine answers (readiness checks); may raise when it does not."""

    def upsert(self, documents: Sequence[SearchDocument]) -> None:
        """Adds or replaces documents by id; searchable when the call returns."""

    def delete(self, ids: Sequence[str]) -> None: ...

    def search(self, request: SearchRequest) -> SearchResult: ...

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        """Builds a new index from `documents` (each id once), then swaps it in; searches keep working meanwhile."""

    def count(self) -> int:
        """All documents, regardless of audience: for operators, never for members."""

    def close(self) -> None: ...
