"""The `search` field, executed on search's own schema part with a stand-in request context."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest
import strawberry

from search.embedded import EmbeddedIndex
from search.graphql import Query
from search.port import SearchIndex
from tests.search.contract import CIRCLE, LIBRARY, N1

SCHEMA = strawberry.Schema(query=Query)
SEARCH = """
query ($q: String!, $filters: SearchFilters, $first: Int, $after: String) {
  search(query: $q, filters: $filters, first: $first, after: $after) {
    totalCount suggestion hasNextPage endCursor
    hits { id kind titleHtml snippet path practiceAreas authorName updatedAt }
    facets { field values { value count } }
  }
}"""


@dataclass
class Context:
    search: SearchIndex
    viewer_audiences: frozenset[str]
    viewer_sees_from: Mapping[str, datetime] = field(default_factory=dict)
    viewer: None = None


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    index = EmbeddedIndex()
    index.upsert(LIBRARY)
    return index


async def search(index: SearchIndex, audiences: frozenset[str], **variables: Any) -> dict[str, Any]:
    result = await SCHEMA.execute(SEARCH, variable_values=variables, context_value=Context(index, audiences))
    assert result.errors is None, result.errors
    return result.data["search"]  # type: ignore[index]


async def test_a_member_finds_highlighted_hits_with_facets_and_a_suggestion(index: SearchIndex) -> None:
    found = await search(index, frozenset({N1}), q="mentorng")
    assert [hit["id"] for hit in found["hits"]] == ["mentoring"] and found["totalCount"] == 1
    assert found["hits"][0]["titleHtml"] == "<mark>Mentoring</mark> across sectors"
    assert {"field": "kinds", "values": [{"value": "story", "count": 1}]} in found["facets"]
    assert found["suggestion"] == "mentoring"


async def test_an_anonymous_caller_finds_nothing(index: SearchIndex) -> None:
    found = await search(index, frozenset(), q="mentoring")
    assert (found["hits"], found["totalCount"]) == ([], 0)


async def test_filters_and_cursors_page_through_the_visible_results(index: SearchIndex) -> None:
    audiences = frozenset({N1, CIRCLE})
    kinds = {"kinds": ["story", "meeting"]}
    first = await search(index, audiences, q="", first=2, filters=kinds)
    rest = await search(index, audiences, q="", first=10, after=first["endCursor"], filters=kinds)
    seen = [hit["id"] for hit in first["hits"] + rest["hits"]]
    assert first["hasNextPage"] and not rest["hasNextPage"]
    assert sorted(seen) == ["cop", "hosting", "mentoring", "secret"] and first["totalCount"] == 4


async def test_a_forged_cursor_is_refused_clearly(index: SearchIndex) -> None:
    result = await SCHEMA.execute(
        SEARCH, variable_values={"q": "x", "after": "not-a-cursor"}, context_value=Context(index, frozenset({N1}))
    )
    assert result.errors and "cursor" in result.errors[0].message


@pytest.mark.parametrize(
    ("dates", "found"),
    [
        ({"since": "9999-12-31T23:59:59+00:00"}, 0),
        ({"until": "9999-12-31T23:59:59-05:00"}, 1),
        ({"since": "0001-01-01T00:00:00+00:00"}, 1),
        ({"since": "2000-01-01T00:00:00"}, 1),
    ],
)
async def test_dates_beyond_what_engines_store_are_no_bound(
    index: SearchIndex, dates: dict[str, str], found: int
) -> None:
    """Year 9999 or year 1 filter as "after everything" and "since always", not as an internal error."""
    result = await search(index, frozenset({N1}), q="mentoring", filters={"dates": dates})
    assert result["totalCount"] == found


async def test_an_empty_page_still_tells_the_total(index: SearchIndex) -> None:
    """`first: 0` asks tantivy for no hits, which it answers with a panic."""
    audiences = frozenset({N1, CIRCLE})
    empty = await search(index, audiences, q="", first=0)
    assert (empty["hits"], empty["hasNextPage"]) == ([], True)
    assert empty["totalCount"] == (await search(index, audiences, q="", first=100))["totalCount"] > 0
