"""One generation of the embedded index: a tantivy index in its own folder (or in memory) with its writer.

Tantivy lets one writer at a time hold a folder (a file lock). A generation takes it for one write and its commit,
then gives it up, so several processes on one host may write the same folder in turn: indexer workers sharing a
consumer group's partitions. Each write opens the folder afresh, reading its file list under the lock.
"""

import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy

from search.embedded_schema import open_index, to_tantivy
from search.port import SearchDocument

# How long a write waits while another process writes the folder, and how often it tries again.
WRITER_WAIT_SECONDS = 60.0
WRITER_RETRY_SECONDS = 0.02


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
        """Taken at the first write of a commit, not at opening: a process that only searches (`commons serve`
        beside `commons worker indexer`) never takes it, and sees the writers' commits anyway."""
        if self._writer is None:
            self._writer = self._take_writer()
        return self._writer

    def _take_writer(self) -> tantivy.IndexWriter:
        deadline = time.monotonic() + WRITER_WAIT_SECONDS
        while True:
            try:
                # A fresh handle reads the folder's file list now, so no process deletes files another one wrote.
                return (open_index(self.folder) if self.folder else self.index).writer(heap_size=64_000_000)
            except ValueError as busy:  # tantivy's LockBusy: another process is writing
                if "LockBusy" not in str(busy) or time.monotonic() > deadline:
                    raise
            time.sleep(WRITER_RETRY_SECONDS)

    def write(self, documents: Iterable[SearchDocument] = (), deleted: Iterable[str] = ()) -> None:
        for document in documents:
            self.writer.delete_documents_by_term("id", document.id)
            self.writer.add_document(to_tantivy(document))
        for ident in deleted:
            self.writer.delete_documents_by_term("id", ident)

    def add(self, documents: Iterable[SearchDocument]) -> int:
        """Documents new to this generation, each id once (a rebuild's): nothing to replace, so nothing to delete,
        which a third of a rebuild's time went to. Returns how many."""
        added = 0
        for document in documents:
            self.writer.add_document(to_tantivy(document))
            added += 1
        return added

    def commit(self) -> None:
        """Makes the writes searchable at once (the reader is reloaded by hand, not on tantivy's schedule), then
        gives the folder up to the next writer once the merges the commit set off are done: searches find the
        writes without waiting on a merge."""
        self.writer.commit()
        self.index.reload()
        self.close()

    def close(self) -> None:
        """Lets segment merges finish, then releases the folder's lock."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.wait_merging_threads()

    def discard(self) -> None:
        self._writer = None  # releases tantivy's writer lock on the folder
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
