"""The embedded search engine (tantivy), for the default one-process mode.

The index lives in generations under its folder; `CURRENT` names the live one, so a rebuild fills a new
generation while searches go on, then swaps. Tantivy allows one writer: writes are serialized by a lock, and
each commits and reloads the reader so it is searchable when the call returns.
"""

import contextlib
import logging
import os
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tantivy

from infra.columns import new_id, utcnow
from search import embedded_query
from search.embedded_rank import ranked
from search.embedded_schema import from_tantivy
from search.embedded_store import Generation
from search.highlight import Answers, highlight
from search.port import FACET_VALUES, Hit, SearchDocument, SearchRequest, SearchResult, Sort
from search.query import near, plan
from search.suggest import suggestion, vocabulary

SNIPPET_CHARS = 200
# Facet counts run the query again inside tantivy, which releases the GIL: counting beside the page (search,
# highlights, suggestion) cuts a search's time by about a third.
_COUNTERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-facets")
_ORDER = {Sort.NEWEST: tantivy.Order.Desc, Sort.OLDEST: tantivy.Order.Asc}
log = logging.getLogger("commons.search")


class EmbeddedIndex:
    def __init__(self, folder: Path | None = None) -> None:
        """`folder=None` keeps the index in memory (tests, benchmarks)."""
        self._folder = folder
        self._lock = threading.Lock()
        self._live = self._open_live()
        # Writes made while a rebuild runs, replayed onto the new generation before the swap.
        self._during_rebuild: list[tuple[list[SearchDocument], list[str]]] | None = None

    def _open_live(self) -> Generation:
        try:
            return Generation.open(self._current_folder())
        except ValueError as error:  # tantivy refuses an index written under another schema
            if "schema does not match" not in str(error):
                raise
        log.warning("the search index was built under an older schema: it is empty until `commons reindex` runs")
        fresh = Generation.open(self._new_folder())
        self._point_at(fresh)
        return fresh

    def apply_settings(self) -> None:
        """Nothing to do: the schema is applied when a generation opens; synonyms and typos at query time."""

    def healthy(self) -> bool:
        """The live generation's files read again: the index is there and readable."""
        self._live.index.reload()
        return self._live.index.searcher() is not None

    def upsert(self, documents: Sequence[SearchDocument]) -> None:
        self._write(list(documents), [])

    def delete(self, ids: Sequence[str]) -> None:
        self._write([], list(ids))

    def _write(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        with self._lock:
            self._live.write(documents, deleted)
            self._live.commit()
            if self._during_rebuild is not None:
                self._during_rebuild.append((documents, deleted))

    def search(self, request: SearchRequest) -> SearchResult:
        if not request.audiences:
            return SearchResult([], 0)
        clauses = plan(request.query)
        index = self._live.index
        query = embedded_query.build(index.schema, request, clauses, utcnow())
        searcher = index.searcher()
        order = {"order_by_field": "updated_at", "order": _ORDER[request.sort]} if request.sort in _ORDER else {}
        counting = _COUNTERS.submit(_facets, searcher, query, request.facets)
        page, total = ranked(searcher, query, request.offset, request.limit, order)
        documents = [(score, from_tantivy(searcher.doc(address))) for score, address in page]
        seen = vocabulary(text for _, document in documents for text in (document.title, document.text))
        answering = near(clauses, seen)
        answers = Answers(clauses, answering)
        hits = [_hit(document, answers, score if not order else 0.0) for score, document in documents]
        return SearchResult(hits, total, counting.result(), suggestion(clauses, seen, answering) if hits else None)

    def count(self) -> int:
        return self._live.index.searcher().num_docs

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        with self._lock:
            self._during_rebuild = []
        fresh = Generation.open(self._new_folder())
        written = fresh.add(documents)
        with self._lock:
            for changed, deleted in self._during_rebuild or []:
                fresh.write(changed, deleted)
            fresh.commit()
            old, self._live, self._during_rebuild = self._live, fresh, None
            self._point_at(fresh)
        old.discard()
        return written

    def close(self) -> None:
        with self._lock:
            self._live.close()

    def _current_folder(self) -> Path | None:
        """The live generation; a new index names its first one in `CURRENT`, so a restarted process, or another
        process opening the same folder (a search-only `commons serve` beside its indexer worker), finds it."""
        if self._folder is None:
            return None
        current = self._folder / "CURRENT"
        if not current.exists():
            self._folder.mkdir(parents=True, exist_ok=True)
            proposal = self._folder / f"CURRENT.{new_id()}"
            proposal.write_text(f"generation-{new_id()}")
            # Linking fails when CURRENT exists: the first of two processes opening a new index at once wins.
            with contextlib.suppress(FileExistsError):
                os.link(proposal, current)
            proposal.unlink()
        return self._folder / current.read_text().strip()

    def _new_folder(self) -> Path | None:
        return self._folder / f"generation-{new_id()}" if self._folder else None

    def _point_at(self, generation: Generation) -> None:
        if self._folder and generation.folder:
            pointer = self._folder / "CURRENT.new"
            pointer.write_text(generation.folder.name)
            pointer.replace(self._folder / "CURRENT")


def _hit(document: SearchDocument, answers: Answers, score: float) -> Hit:
    return Hit(document, highlight(document.title, answers), highlight(document.text, answers, SNIPPET_CHARS), score)


def _facets(searcher: tantivy.Searcher, query: tantivy.Query, fields: Sequence[str]) -> dict[str, dict[str, int]]:
    """Counts over the documents the query matches, which the audience filter inside it has already bounded."""
    if not fields:
        return {}
    spec = {field: {"terms": {"field": field, "size": FACET_VALUES}} for field in fields}
    counted = searcher.aggregate(query, spec)
    return {field: {b["key"]: b["doc_count"] for b in counted[field]["buckets"]} for field in fields}
