"""The `search` field: one place to search everything the viewer may see.

Needs from `info.context`: `viewer_audiences` (frozenset[str]; empty for anonymous callers, who then find
nothing), `viewer_sees_from` (the audiences the viewer joined late, and since when), `viewer` (None or the
Viewer, whose blocked members' work is left out) and `search` (the process's SearchIndex). Cursors are opaque
offsets, as in every list.
"""

from dataclasses import replace
from datetime import UTC, datetime
from enum import Enum

import strawberry

from infra.context import Ctx
from infra.errors import InvalidInput
from infra.native import in_thread
from infra.pagination import encode_cursor, page
from search import port

MAX_QUERY_CHARS = 200
# Facets are named like the filter that narrows by them, so a client can pass a value straight back.
FACET_NAMES = {"kind": "kinds", "practice_areas": "practiceAreas", "network_ids": "networks", "author_id": "authors"}
# The dates every engine can store (tantivy counts nanoseconds in 64 bits). Nothing here is updated outside them,
# so a bound beyond them is the same as none, and is clamped to them.
EARLIEST, LATEST = datetime(1678, 1, 1, tzinfo=UTC), datetime(2262, 1, 1, tzinfo=UTC)


@strawberry.enum
class SearchSort(Enum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"


def _bound(moment: datetime | None) -> datetime | None:
    """Within the engines' range; a date without a zone is read as UTC, as every stored date is."""
    if moment is None:
        return None
    return min(max(moment if moment.tzinfo else moment.replace(tzinfo=UTC), EARLIEST), LATEST)


@strawberry.input
class DateRange:
    since: datetime | None = None
    until: datetime | None = None


@strawberry.input
class SearchFilters:
    kinds: list[str] | None = None
    practice_areas: list[str] | None = None
    networks: list[str] | None = None
    authors: list[str] | None = None
    dates: DateRange | None = None

    def to_port(self) -> port.SearchFilters:
        dates = self.dates or DateRange()
        return port.SearchFilters(
            kinds=tuple(self.kinds or ()),
            practice_areas=tuple(self.practice_areas or ()),
            networks=tuple(self.networks or ()),
            authors=tuple(self.authors or ()),
            updated_from=_bound(dates.since),
            updated_to=_bound(dates.until),
        )


@strawberry.type
class SearchHit:
    id: strawberry.ID
    kind: str
    title: str
    title_html: str = strawberry.field(description="The title, HTML-escaped, matches wrapped in <mark>.")
    snippet: str = strawberry.field(description="A passage around the first match, HTML-escaped, with <mark>.")
    path: str
    practice_areas: list[str]
    author_name: str | None
    updated_at: datetime
    cursor: str


@strawberry.type
class FacetValue:
    value: str
    count: int


@strawberry.type
class Facet:
    field: str
    values: list[FacetValue]


@strawberry.type
class SearchConnection:
    hits: list[SearchHit]
    total_count: int
    facets: list[Facet]
    suggestion: str | None = strawberry.field(description="The query with its typos corrected, if it had any.")
    has_next_page: bool
    end_cursor: str | None


def _hit(hit: port.Hit, position: int) -> SearchHit:
    found = hit.document
    return SearchHit(
        id=strawberry.ID(found.id),
        kind=found.kind,
        title=found.title,
        title_html=hit.title_html,
        snippet=hit.snippet_html,
        path=found.path,
        practice_areas=list(found.practice_areas),
        author_name=found.author_name,
        updated_at=found.updated_at,
        cursor=encode_cursor(position),
    )


def _connection(result: port.SearchResult, offset: int) -> SearchConnection:
    hits = [_hit(hit, offset + i) for i, hit in enumerate(result.hits)]
    facets = [
        Facet(field=FACET_NAMES[name], values=[FacetValue(value=v, count=n) for v, n in counts.items()])
        for name, counts in result.facets.items()
    ]
    return SearchConnection(
        hits=hits,
        total_count=result.total,
        facets=facets,
        suggestion=result.suggestion,
        has_next_page=offset + len(hits) < result.total,
        end_cursor=hits[-1].cursor if hits else None,
    )


@strawberry.type
class Query:
    @strawberry.field(description="Stories, resources, harvests, members and groups the viewer may see.")
    async def search(
        self,
        info: Ctx,
        query: str,
        filters: SearchFilters | None = None,
        first: int | None = 20,
        after: str | None = None,
        sort: SearchSort = SearchSort.RELEVANCE,
    ) -> SearchConnection:
        if len(query) > MAX_QUERY_CHARS:
            raise InvalidInput(f"A search may be at most {MAX_QUERY_CHARS} characters long.")
        window = page(first, after)
        # tantivy panics when asked for no hits; a page of none (`first: 0`) still has its total and facets.
        request = port.SearchRequest(
            query=query,
            audiences=info.context.viewer_audiences,
            filters=(filters or SearchFilters()).to_port(),
            sort=port.Sort(sort.value),
            offset=window.offset,
            limit=max(window.limit, 1),
            sees_from=info.context.viewer_sees_from,
            unseen_authors=info.context.viewer.blocked if info.context.viewer else frozenset(),
        )
        # The engines block (tantivy, the Meilisearch HTTP client): keep the event loop free.
        result = await in_thread(info.context.search.search, request)
        return _connection(replace(result, hits=result.hits[: window.limit]), window.offset)
