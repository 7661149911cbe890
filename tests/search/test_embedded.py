"""The contract against the embedded engine, plus what only it promises: its index survives a restart."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from search.embedded import EmbeddedIndex
from search.port import SearchIndex
from tests.search.contract import SearchContract, ask, doc, ids


class TestEmbeddedIndex(SearchContract):
    @pytest.fixture
    def index(self, tmp_path: Path) -> Iterator[SearchIndex]:
        index = EmbeddedIndex(tmp_path / "search")
        yield index
        index.close()


def test_the_rebuilt_index_is_the_one_reopened(tmp_path: Path) -> None:
    first = EmbeddedIndex(tmp_path)
    first.upsert([doc("old", "Coaching")])
    first.rebuild([doc("new", "Coaching")])
    first.close()
    del first
    assert ids(ask(EmbeddedIndex(tmp_path), "coaching")) == ["new"]
