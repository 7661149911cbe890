"""The contract against the embedded engine, plus what only it promises: its index survives a restart,
one process may search it while another writes it, and two indexers may write it in turn."""

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import tantivy

from search.embedded import EmbeddedIndex
from search.port import SearchIndex
from tests.search.contract import SearchContract, ask, doc, ids
from tests.search.contract_unseen import NewIndex


class TestEmbeddedIndex(SearchContract):
    @pytest.fixture
    def index(self, tmp_path: Path) -> Iterator[SearchIndex]:
        index = EmbeddedIndex(tmp_path / "search")
        yield index
        index.close()

    @pytest.fixture
    def fresh_index(self, tmp_path: Path) -> Iterator[SearchIndex]:
        index = EmbeddedIndex(tmp_path / "fresh")
        yield index
        index.close()

    @pytest.fixture
    def new_index(self) -> Iterator[NewIndex]:
        made: list[EmbeddedIndex] = []

        def new() -> EmbeddedIndex:
            made.append(EmbeddedIndex())
            return made[-1]

        yield new
        for index in made:
            index.close()


def test_the_rebuilt_index_is_the_one_reopened(tmp_path: Path) -> None:
    first = EmbeddedIndex(tmp_path)
    first.upsert([doc("old", "Coaching")])
    first.rebuild([doc("new", "Coaching")])
    first.close()
    del first
    assert ids(ask(EmbeddedIndex(tmp_path), "coaching")) == ["new"]


def test_an_index_never_rebuilt_is_the_one_reopened(tmp_path: Path) -> None:
    first = EmbeddedIndex(tmp_path)
    first.upsert([doc("kept", "Coaching")])
    first.close()
    del first
    assert ids(ask(EmbeddedIndex(tmp_path), "coaching")) == ["kept"]


def test_a_process_that_only_searches_sees_what_the_indexer_beside_it_writes(tmp_path: Path) -> None:
    searching = EmbeddedIndex(tmp_path)  # `commons serve`, opened first, with `commons worker indexer` beside it
    EmbeddedIndex(tmp_path).upsert([doc("new", "Coaching")])
    deadline = time.monotonic() + 5
    while not ids(ask(searching, "coaching")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert ids(ask(searching, "coaching")) == ["new"]


def test_an_index_of_an_older_schema_gives_way_to_an_empty_one_until_reindexed(tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("generation-old")
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True)
    (tmp_path / "generation-old").mkdir()
    tantivy.Index(builder.build(), path=str(tmp_path / "generation-old"))
    index = EmbeddedIndex(tmp_path)
    index.upsert([doc("new", "Coaching")])
    assert ids(ask(index, "coaching")) == ["new"] and (tmp_path / "CURRENT").read_text() != "generation-old"


def test_two_indexers_write_one_folder_in_turn_and_each_document_is_there_once(tmp_path: Path) -> None:
    """Indexer workers sharing a consumer group's partitions share the folder: each write waits for the other's
    to end (tantivy's lock, taken per commit); a document both write is replaced, never doubled."""
    writers = [EmbeddedIndex(tmp_path), EmbeddedIndex(tmp_path)]

    def index_stories(writer: int) -> None:
        for n in range(25):
            writers[writer].upsert([doc(f"w{writer}-{n}", "Coaching"), doc(f"both-{n}", "Coaching circles")])

    with ThreadPoolExecutor(2) as threads:
        list(threads.map(index_stories, (0, 1)))
    reader = EmbeddedIndex(tmp_path)
    assert reader.count() == 75
    assert ask(reader, "coaching", limit=100).total == 75
