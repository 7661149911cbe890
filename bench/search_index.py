"""The search benchmark's generated index: built once per run, then lent to each database's server in turn.

Building 1,000,000 documents takes minutes, and nothing in them depends on the database but the keys of the
circles the benchmark's member belongs to (circle 0 of each kind, bench.search_endpoint). So the index is built
once under the generated keys; lending it to a server renames those few circles' documents (a few percent of
the index) to that server's real keys, and the next loan renames them again.
"""

import gc
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from tantivy import Query

from bench.search_data import documents
from search.embedded import EmbeddedIndex
from search.embedded_schema import from_tantivy
from search.embedded_store import Generation

_HOME: tempfile.TemporaryDirectory[str] | None = None
_BUILT: dict[int, "SharedIndex"] = {}


@dataclass
class SharedIndex:
    folder: Path
    # Documents per second of the one build.
    throughput: float
    loans: int = 0
    # Each generated key circle 0 had, and the key its documents carry now.
    names: dict[str, str] = field(default_factory=dict)

    def lend(self, search_folder: Path, circles: Mapping[str, str]) -> None:
        """Makes `search_folder` (a stopped server's) this index, circle 0 named as `circles` names it."""
        shutil.rmtree(search_folder, ignore_errors=True)
        os.symlink(self.folder, search_folder, target_is_directory=True)
        renames = {self.names.get(generated, generated): real for generated, real in circles.items()}
        if not _rename(self.folder, renames):
            raise AssertionError("no generated document is in the member's circles: their searches would find none")
        self.names, self.loans = dict(circles), self.loans + 1


def shared(count: int) -> SharedIndex:
    """The index of `count` generated documents, built on first use in this process."""
    global _HOME
    if count not in _BUILT:
        _HOME = _HOME or tempfile.TemporaryDirectory(prefix="commons-bench-index-")
        folder = Path(_HOME.name) / str(count)
        began = time.perf_counter()
        _write(folder, lambda index: index.rebuild(documents(count, {})))
        _BUILT[count] = SharedIndex(folder, count / (time.perf_counter() - began))
    return _BUILT[count]


def _rename(folder: Path, renames: Mapping[str, str]) -> int:
    """Gives the documents of each circle `renames` names its new key; how many there were."""
    live = Generation.open(folder / (folder / "CURRENT").read_text().strip()).index
    searcher = live.searcher()
    query = Query.term_set_query(live.schema, "audience", list(renames))
    matched = searcher.search(query, 1, count=True).count or 0  # type: ignore[attr-defined]  # stub omits count
    found = [from_tantivy(searcher.doc(address)) for _, address in searcher.search(query, max(matched, 1)).hits]
    renamed = [replace(doc, audience=tuple(renames.get(key, key) for key in doc.audience)) for doc in found]
    _write(folder, lambda index: index.upsert(renamed))
    return len(renamed)


def _write(folder: Path, write: Callable[[EmbeddedIndex], object]) -> None:
    """Writes the index at `folder`, then lets it go for the server that opens it next."""
    index = EmbeddedIndex(folder)
    write(index)
    index.close()
    del index
    gc.collect()  # tantivy frees its writer lock on the folder when the writer is collected
