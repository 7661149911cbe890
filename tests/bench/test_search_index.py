"""The search benchmark builds its index once and lends it to each database's server: each borrower's member must
find circle 0's documents under their own circles' keys, and no longer under the last borrower's."""

from pathlib import Path

from bench.search_index import shared
from events import audience
from search.embedded import EmbeddedIndex
from search.port import SearchRequest

GENERATED = (audience.network("0"), audience.local_group("0"), audience.peer_group("0"))


def _circles(name: str) -> dict[str, str]:
    return {key: f"{key}-{name}" for key in GENERATED}


def _found(folder: Path, keys: list[str]) -> int:
    index = EmbeddedIndex(folder)
    try:
        return index.search(SearchRequest("", frozenset(keys))).total
    finally:
        index.close()


def test_each_loan_names_circle_zero_as_its_borrower_does(tmp_path: Path) -> None:
    index = shared(2_000)
    first, second = _circles("first"), _circles("second")
    index.lend(tmp_path / "first", first)
    in_first = _found(tmp_path / "first", list(first.values()))
    assert in_first > 0 and _found(tmp_path / "first", list(GENERATED)) == 0
    index.lend(tmp_path / "second", second)
    assert _found(tmp_path / "second", list(second.values())) == in_first
    assert _found(tmp_path / "second", list(first.values())) == 0
    assert index.loans == 2
