"""One generation of the embedded index: a tantivy index in its own folder (or in memory) with its writer."""

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy

from search.embedded_schema import open_index, to_tantivy
from search.port import SearchDocument


@dataclass
class Generation:
    index: tantivy.Index
    folder: Path | None
    _writer: tantivy.IndexWriter | None = None

    @classmethod
    def open(cls, folder: Path | None) -> "Generation":
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
        return cls(open_index(folder), folder)

    @property
    def writer(self) -> tantivy.IndexWriter:
        """Taken at the first write, not at opening: tantivy lets one process write a folder, and a process that
        only searches (`commons serve` while `commons worker indexer` writes) sees that writer's commits anyway."""
        if self._writer is None:
            self._writer = self.index.writer(heap_size=64_000_000)
        return self._writer

    def write(self, documents: Iterable[SearchDocument] = (), deleted: Iterable[str] = ()) -> None:
        for document in documents:
            self.writer.delete_documents_by_term("id", document.id)
            self.writer.add_document(to_tantivy(document))
        for ident in deleted:
            self.writer.delete_documents_by_term("id", ident)

    def commit(self) -> None:
        """Makes the writes searchable at once: the reader is reloaded by hand, not on tantivy's schedule."""
        self.writer.commit()
        self.index.reload()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.wait_merging_threads()

    def discard(self) -> None:
        self._writer = None  # releases tantivy's writer lock on the folder
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
