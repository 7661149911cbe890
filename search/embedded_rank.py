"""The order of an embedded search's hits: by score (or date), then by id; never by place in the index.

Tantivy gives hits of equal score, or equal date, in the order they sit in the index, which documents the
caller cannot see shift (their writes open and merge segments). Relevance scores carry a factor drawn from each
document's id (embedded_schema.TIE_BREAK), so equal scores are rare; what ties remain is ordered by id here,
and a tie across the end of the page is fetched whole, so a page holds the same documents whatever else the
index holds.
"""

from itertools import groupby
from typing import Any

import tantivy

from search.embedded_schema import TIE_BREAK

Ranked = list[tuple[Any, tantivy.DocAddress]]


def ranked(
    searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int, order: dict[str, Any]
) -> tuple[Ranked, int]:
    """The page's (score or date, address) pairs, and how many documents the query matches."""
    options = order or {"weight_by_field": TIE_BREAK}
    wanted = asked = offset + limit
    found = searcher.search(query, asked + 1, count=True, **options)
    total: int = found.count or 0  # type: ignore[attr-defined]  # tantivy's stub omits SearchResult.count
    hits = found.hits
    # While every hit fetched ties with the page's last one, that tie may go on beyond them.
    while wanted and len(hits) > asked and hits[-1][0] == hits[wanted - 1][0]:
        asked *= 2
        hits = searcher.search(query, asked + 1, count=False, **options).hits
    return _settled(searcher, hits, offset, wanted)[offset:wanted], total


def _settled(searcher: tantivy.Searcher, hits: Ranked, start: int, end: int) -> Ranked:
    """`hits` with each tie that reaches into the page (from `start` to `end`) ordered by id."""
    settled: Ranked = []
    for _, run in groupby(hits, key=lambda hit: hit[0]):
        tied = list(run)
        reaches = len(tied) > 1 and len(settled) < end and len(settled) + len(tied) > start
        settled += sorted(tied, key=lambda hit: _id(searcher, hit[1])) if reaches else tied
    return settled


def _id(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> str:
    ident: str = searcher.doc(address)["id"][0]
    return ident
