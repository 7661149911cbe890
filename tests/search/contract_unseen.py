"""Part of the adapters' contract: documents a caller cannot see never change what that caller's search answers.

Hypothesis draws stories the caller may see and stories only a peer group or another network may see, on the
same words (and on words found only in hidden stories). Searching an index of the visible stories alone and an
index holding both must answer the same: the order of hits and their scores, totals, facet counts, highlights
and the spelling suggestion. An engine that scores with index-wide statistics (document frequencies, average
field lengths) or breaks ties by where a document sits in the index fails it.
"""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.port import SearchDocument, SearchIndex, SearchRequest, SearchResult, Sort

NewIndex = Callable[[], SearchIndex]
NOW = datetime.now(UTC)
CALLER = frozenset({"network:n1", "platform"})
UNSEEN = ["peer_group:g1", "network:n2"]
WORDS = ["mentoring", "harvest", "coaching", "hosting", "partnership", "circle", "story"]
# Words only hidden stories hold: never suggested, and their presence changes nothing for the caller.
HIDDEN_WORDS = ["mentorship", "coachings", "harvesters", "partnerships"]
QUERIES = st.one_of(
    st.just(""),
    st.sampled_from(WORDS),
    st.sampled_from(["mentorng", "harvst", "coach", "coachng circle", "hostin"]),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(" ".join),
)
# Few distinct ages, so that documents tie on their date as well as on their relevance.
AGES = [timedelta(days=days) for days in (1, 100, 500)]


@st.composite
def stories(draw: st.DrawFn, audiences: list[str], words: list[str]) -> SearchDocument:
    updated = NOW - draw(st.sampled_from(AGES))
    return SearchDocument(
        id="",
        kind=draw(st.sampled_from(["story", "resource"])),
        audience=(draw(st.sampled_from(audiences)),),
        title=" ".join(draw(st.lists(st.sampled_from(words), min_size=1, max_size=3))),
        text=" ".join(draw(st.lists(st.sampled_from(words), max_size=12))),
        practice_areas=tuple(draw(st.sets(st.sampled_from(["mentoring", "hosting"]), max_size=1))),
        author_id=draw(st.sampled_from(["ada", "bo"])),
        network_ids=("n1",),
        created_at=updated,
        updated_at=updated,
        path="/s",
    )


def _named(documents: list[SearchDocument], prefix: str) -> list[SearchDocument]:
    return [
        SearchDocument(**{**vars(d), "id": f"{prefix}{i}", "path": f"/s/{prefix}{i}"}) for i, d in enumerate(documents)
    ]


def answer(result: SearchResult) -> tuple[object, ...]:
    shown = [(h.document.id, h.score, h.title_html, h.snippet_html) for h in result.hits]
    return shown, result.total, result.facets, result.suggestion


class UnseenDocumentsContract:
    """Each adapter's test class provides `new_index`: a factory of empty indexes, dropped after the test."""

    @settings(
        max_examples=50,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ],
    )
    @given(
        seen=st.lists(stories(sorted(CALLER), WORDS), max_size=12),
        unseen=st.lists(stories(UNSEEN, WORDS + HIDDEN_WORDS), min_size=1, max_size=12),
        query=QUERIES,
        sort=st.sampled_from(list(Sort)),
        offset=st.integers(0, 4),
        limit=st.sampled_from([1, 3, 50]),
        data=st.data(),
    )
    def test_documents_the_caller_cannot_see_change_nothing_the_caller_gets(
        self,
        new_index: NewIndex,
        seen: list[SearchDocument],
        unseen: list[SearchDocument],
        query: str,
        sort: Sort,
        offset: int,
        limit: int,
        data: st.DataObject,
    ) -> None:
        visible, hidden = _named(seen, "v"), _named(unseen, "h")
        mixed = data.draw(st.permutations(visible + hidden))
        alone, beside = new_index(), new_index()
        alone.upsert(visible)
        cut = data.draw(st.integers(0, len(mixed)))  # two writes: index positions shift as they would live
        beside.upsert(mixed[:cut])
        beside.upsert(mixed[cut:])
        request = SearchRequest(query, CALLER, sort=sort, offset=offset, limit=limit)
        assert answer(beside.search(request)) == answer(alone.search(request))

    def test_hidden_stories_on_a_word_do_not_reorder_a_strangers_results(self, new_index: NewIndex) -> None:
        """The break as found: peer-group stories full of one word moved a stranger's own results."""
        visible = [_story_of("x", "Coaching", "circle"), _story_of("y", "Circle", "coaching")]
        orders = []
        for word in ("coaching", "circle"):
            index = new_index()
            index.upsert(visible + [_story_of(f"h{i}", word.title(), word, "peer_group:g1") for i in range(30)])
            orders.append(answer(index.search(SearchRequest("coaching circle", CALLER))))
        assert orders[0] == orders[1]


def _story_of(ident: str, title: str, text: str, audience: str = "network:n1") -> SearchDocument:
    return SearchDocument(ident, "story", title, (audience,), NOW, NOW, f"/s/{ident}", text)
