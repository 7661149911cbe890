"""The behaviour every search adapter must show; each adapter's test module subclasses `SearchContract`.

Members in network n1 see n1's items; peer-group items stay with their group; typos, prefixes and synonyms
find what a member means; nothing outside the caller's audiences shows in hits, totals or facets.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from events.inprocess import InProcessBus
from events.outbox import record
from events.relay import Relay
from events.runner import Runner
from infra.database import Database
from search.indexer import consumer
from search.port import FACET_VALUES, SearchDocument, SearchFilters, SearchIndex, SearchRequest, SearchResult, Sort
from tests.search.contract_unseen import UnseenDocumentsContract
from tests.search.story_events import N1, T0, changed

NOW = datetime.now(UTC)
N2, CIRCLE = "network:n2", "peer_group:g1"


def doc(ident: str, title: str, text: str = "", audience: str = N1, **extra: object) -> SearchDocument:
    values: dict[str, object] = {
        "kind": "story",
        "author_id": "ada",
        "author_name": "Ada",
        "network_ids": ("n1",),
        "created_at": NOW - timedelta(days=400),
        "updated_at": NOW - timedelta(days=400),
        **extra,
    }
    return SearchDocument(id=ident, title=title, text=text, audience=(audience,), path=f"/x/{ident}", **values)  # type: ignore[arg-type]


LIBRARY = [
    doc("mentoring", "Mentoring across sectors", "Pairing leaders from charities and business."),
    doc("harvest", "Harvest notes from the Open Space", "What the gathering produced.", kind="harvest"),
    doc("cop", "Starting a community of practice", "Our first year.", practice_areas=("communities of practice",)),
    doc("msp", "Partnership brokering", "Lessons from a multi-stakeholder partnership.", kind="resource"),
    doc("hosting", "Facilitation for hosts", "World Café and Open Space.", author_id="bo", author_name="Bo"),
    doc("secret", "Mentoring a difficult board", "Confidential dilemma.", audience=CIRCLE, kind="meeting"),
    doc("other", "Mentoring in the other network", "Not for n1.", audience=N2, network_ids=("n2",)),
]


def ask(index: SearchIndex, query: str, audiences: frozenset[str] = frozenset({N1}), **options: object) -> SearchResult:
    return index.search(SearchRequest(query, audiences, **options))  # type: ignore[arg-type]


def ids(result: SearchResult) -> list[str]:
    return [hit.document.id for hit in result.hits]


class SearchContract(UnseenDocumentsContract):
    @pytest.fixture
    def index(self) -> Iterator[SearchIndex]:
        raise NotImplementedError("each adapter's test module provides its index")

    @pytest.fixture
    def fresh_index(self) -> Iterator[SearchIndex]:
        raise NotImplementedError("each adapter's test module provides an index that does not exist yet")

    @pytest.fixture
    def library(self, index: SearchIndex) -> SearchIndex:
        index.upsert(LIBRARY)
        return index

    @pytest.mark.parametrize(
        ("typed", "found"),
        [
            ("mentorng", "mentoring"),
            ("harvst notes", "harvest"),
            ("CoP", "cop"),
            ("MSP", "msp"),
            ("facilit", "hosting"),
            ("Open Spa", "harvest"),
        ],
    )
    def test_typos_prefixes_and_synonyms_find_what_was_meant(
        self, library: SearchIndex, typed: str, found: str
    ) -> None:
        assert found in ids(ask(library, typed))

    def test_short_words_allow_no_typo(self, library: SearchIndex) -> None:
        assert ids(ask(library, "yaer first")) == []

    async def test_a_fresh_index_answers_filtered_searches_from_the_indexers_first_document(
        self, fresh_index: SearchIndex, database: Database
    ) -> None:
        # A Meilisearch index created by the first write had no filterable fields: every search failed.
        bus, indexer = InProcessBus(database), consumer(lambda: fresh_index)
        runner = Runner(indexer, database, bus)
        await runner.prepare()  # how the indexer starts, as `commons worker indexer` or inside `commons serve`
        async with database.transaction() as session:
            record(session, [changed("Mentoring circles")])
        await Relay(database, bus).drain()
        assert await runner.step(bus.source(indexer.name, indexer.sources), 0.1) == 1
        filters = SearchFilters(kinds=("story",), updated_from=T0 - timedelta(days=1))
        found = ask(fresh_index, "mentoring", filters=filters, sort=Sort.NEWEST)
        assert ids(found) == ["story-1"] and found.facets["kind"] == {"story": 1}

    def test_a_title_match_outranks_a_body_match(self, index: SearchIndex) -> None:
        index.upsert([doc("body", "Notes", "about coaching and more"), doc("title", "Coaching", "notes")])
        assert ids(ask(index, "coaching"))[:2] == ["title", "body"]

    def test_highlights_mark_the_matches_and_escape_the_rest(self, index: SearchIndex) -> None:
        index.upsert([doc("h", "Mentoring <b>now</b>", "Long text. " * 30 + "We tried mentoring circles.")])
        hit = ask(index, "mentoring").hits[0]
        assert "<mark>Mentoring</mark>" in hit.title_html and "&lt;b&gt;" in hit.title_html
        assert "<mark>mentoring</mark>" in hit.snippet_html

    def test_a_typo_earns_a_suggestion_and_a_correct_query_none(self, library: SearchIndex) -> None:
        assert ask(library, "harvst notes").suggestion == "harvest notes"
        assert ask(library, "harvest notes").suggestion is None

    def test_totals_and_facets_count_only_visible_documents(self, library: SearchIndex) -> None:
        result = ask(library, "mentoring")
        assert ids(result) == ["mentoring"] and result.total == 1
        assert result.facets["kind"] == {"story": 1}
        assert result.facets["network_ids"] == {"n1": 1}

    def test_a_facet_offers_its_most_frequent_values_and_no_more_than_a_page_shows(self, index: SearchIndex) -> None:
        # Author n wrote n + 1 stories: the authors 5 to 24 are the most frequent.
        index.upsert(
            [doc(f"s{n}-{k}", f"Circle story {k}", author_id=f"author{n:02}") for n in range(25) for k in range(n + 1)]
        )
        counted = ask(index, "circle", limit=1).facets["author_id"]
        assert counted == {f"author{n:02}": n + 1 for n in range(5, 25)} and len(counted) == FACET_VALUES

    def test_a_peer_group_sees_its_own_items(self, library: SearchIndex) -> None:
        result = ask(library, "mentoring", frozenset({N1, CIRCLE}))
        assert sorted(ids(result)) == ["mentoring", "secret"] and result.facets["kind"] == {"story": 1, "meeting": 1}

    def test_a_late_joiner_finds_the_groups_new_story_not_its_old_one_until_the_history_opens(
        self, index: SearchIndex
    ) -> None:
        seated = NOW - timedelta(days=2)
        index.upsert(
            [
                doc("before", "Board dilemma", audience=CIRCLE, created_at=seated - timedelta(milliseconds=1)),
                doc("since", "Board retreat", audience=CIRCLE, created_at=seated + timedelta(seconds=1)),
                doc("shared", "Board handbook", created_at=seated - timedelta(days=9)),
            ]
        )
        late = ask(index, "board", frozenset({N1, CIRCLE}), sees_from={CIRCLE: seated})
        assert sorted(ids(late)) == ["shared", "since"] and late.total == 2
        assert late.facets["author_id"] == {"ada": 2}
        assert sorted(ids(ask(index, "board", frozenset({CIRCLE}), sees_from={CIRCLE: seated}))) == ["since"]
        assert sorted(ids(ask(index, "board", frozenset({N1, CIRCLE})))) == ["before", "shared", "since"]

    def test_nobody_sees_anything_without_audiences(self, library: SearchIndex) -> None:
        result = ask(library, "", frozenset())
        assert (result.hits, result.total) == ([], 0)

    def test_filters_narrow_by_kind_area_author_and_date(self, library: SearchIndex) -> None:
        assert ids(ask(library, "", filters=SearchFilters(kinds=("harvest",)))) == ["harvest"]
        assert ids(ask(library, "", filters=SearchFilters(practice_areas=("communities of practice",)))) == ["cop"]
        assert ids(ask(library, "", filters=SearchFilters(authors=("bo",)))) == ["hosting"]
        library.upsert([doc("fresh", "Fresh story", updated_at=NOW)])
        assert ids(ask(library, "", filters=SearchFilters(updated_from=NOW - timedelta(days=1)))) == ["fresh"]

    def test_a_blocked_authors_documents_show_nowhere_not_in_hits_totals_or_facets(self, library: SearchIndex) -> None:
        result = ask(library, "", unseen_authors=frozenset({"bo"}))
        assert "hosting" not in ids(result) and result.total == 4 and "bo" not in result.facets["author_id"]
        assert ids(ask(library, "facilitation", unseen_authors=frozenset({"bo"}))) == []
        assert ids(ask(library, "facilitation", unseen_authors=frozenset({"cy"}))) == ["hosting"]

    def test_deleted_documents_vanish_at_once(self, library: SearchIndex) -> None:
        library.delete(["mentoring"])
        assert ids(ask(library, "mentoring")) == []

    def test_an_audience_change_applies_at_once(self, library: SearchIndex) -> None:
        library.upsert([doc("mentoring", "Mentoring across sectors", audience=CIRCLE)])
        assert ids(ask(library, "mentoring")) == []
        assert "mentoring" in ids(ask(library, "mentoring", frozenset({CIRCLE})))

    def test_pages_cover_every_match_once(self, index: SearchIndex) -> None:
        index.upsert([doc(f"d{i}", f"Coaching note {i}") for i in range(25)])
        pages = [ask(index, "coaching", offset=offset, limit=10) for offset in (0, 10, 20)]
        seen = [ident for page in pages for ident in ids(page)]
        assert len(seen) == 25 == len(set(seen)) and {page.total for page in pages} == {25}

    def test_newest_first_and_recent_items_rank_a_little_higher(self, index: SearchIndex) -> None:
        index.upsert([doc("old", "Coaching"), doc("new", "Coaching", updated_at=NOW)])
        assert ids(ask(index, "", sort=Sort.NEWEST)) == ["new", "old"]
        assert ids(ask(index, "coaching")) == ["new", "old"]

    def test_a_rebuild_swaps_in_the_new_content(self, library: SearchIndex) -> None:
        assert library.rebuild(iter([doc("only", "Coaching handbook")])) == 1
        assert ids(ask(library, "coaching")) == ["only"] and ids(ask(library, "mentoring")) == []
        assert library.count() == 1
