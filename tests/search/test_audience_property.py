"""No hit, total, facet count or suggestion ever reveals a document outside the caller's audiences.

Hypothesis builds networks with local groups and peer groups, members who belong to some of them, and
documents shared to random circles. For any member and query, searching the whole index must answer exactly
what searching an index of only the documents that member may see answers: nothing else leaks through.
"""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.audience import local_group, may_see, network, peer_group
from search.embedded import EmbeddedIndex
from search.port import SearchDocument, SearchFilters, SearchRequest, SearchResult

WORDS = ["mentoring", "harvest", "coaching", "hosting", "partnership", "network", "circle", "story"]
QUERIES = st.one_of(st.just(""), st.sampled_from(WORDS), st.sampled_from(["mentorng", "harvst", "coach", "CoP"]))
T0 = datetime(2026, 1, 1, tzinfo=UTC)


@st.composite
def communities(draw: st.DrawFn) -> tuple[list[frozenset[str]], list[SearchDocument]]:
    """Members of a random community, as the audience keys they hold, and documents shared to some keys."""
    networks = [network(f"n{i}") for i in range(draw(st.integers(1, 3)))]
    groups = [local_group(f"l{i}") for i in range(draw(st.integers(0, 3)))]
    circles = [peer_group(f"p{i}") for i in range(draw(st.integers(0, 3)))]
    keys = ["platform", *networks, *groups, *circles]
    members = draw(st.lists(st.frozensets(st.sampled_from(keys)), min_size=1, max_size=4))
    documents = [
        SearchDocument(
            id=f"d{i}",
            kind=draw(st.sampled_from(["story", "resource", "harvest"])),
            title=" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))),
            text=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=4))),
            audience=tuple(draw(st.sets(st.sampled_from(keys), min_size=1, max_size=3))),
            practice_areas=tuple(draw(st.sets(st.sampled_from(["mentoring", "hosting", "coaching"]), max_size=2))),
            network_ids=tuple(key.split(":")[1] for key in draw(st.sets(st.sampled_from(networks), max_size=2))),
            author_id=draw(st.sampled_from(["ada", "bo", "cy"])),
            created_at=T0,
            updated_at=T0 + timedelta(days=draw(st.integers(0, 400))),
            path=f"/d/{i}",
        )
        for i in range(draw(st.integers(0, 12)))
    ]
    return members, documents


def answer(result: SearchResult) -> tuple[set[str], int, dict[str, dict[str, int]], str | None]:
    return {hit.document.id for hit in result.hits}, result.total, result.facets, result.suggestion


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(community=communities(), query=QUERIES, data=st.data())
def test_searches_reveal_nothing_outside_the_callers_audiences(
    community: tuple[list[frozenset[str]], list[SearchDocument]], query: str, data: st.DataObject
) -> None:
    members, documents = community
    caller = data.draw(st.sampled_from(members))
    kinds = tuple(data.draw(st.sets(st.sampled_from(["story", "resource", "harvest"]), max_size=2)))
    request = SearchRequest(query, caller, filters=SearchFilters(kinds=kinds), limit=100)
    everything, visible_only = EmbeddedIndex(), EmbeddedIndex()
    everything.upsert(documents)
    visible_only.upsert([doc for doc in documents if may_see(doc.audience, caller)])

    found = everything.search(request)
    assert all(may_see(hit.document.audience, caller) for hit in found.hits)
    assert answer(found) == answer(visible_only.search(request))
