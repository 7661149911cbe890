"""`commons reindex`: rebuild the search index into a new index, then swap, while searches go on.

Search keeps each subject's latest document in `search_subjects`. A rebuild first folds in the outbox's
retained events (latest per subject, in the indexer's order), so events the indexer has not seen yet count too;
then it builds the new index from `search_subjects`, and finally re-applies what the indexer changed meanwhile.
The outbox alone would not do: the relay sweeps rows after `outbox_retention_days`.
"""

import asyncio
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import func, select
from tqdm import tqdm

from events.keys import opened
from events.outbox import event_of
from events.tables import OutboxRow
from infra.columns import utcnow
from infra.database import Database
from infra.settings import Settings
from search.build import build_index
from search.documents import from_json
from search.indexer import Stale, remember
from search.port import SearchIndex
from search.tables import SearchSubject

PAGE = 2_000


async def fold_outbox(db: Database) -> None:
    async with db.transaction() as session:
        rows = await session.scalars(select(OutboxRow).order_by(OutboxRow.time, OutboxRow.event_id))
        # Opened as the runner opens them: an erased member's sealed name reads as "a former member".
        for event in await opened(session, [event_of(row) for row in rows]):
            try:
                await remember(session, event)
            except Stale:
                continue


async def _page(db: Database, after: str) -> list[SearchSubject]:
    async with db.sessions() as session:
        live = SearchSubject.document.is_not(None) & (SearchSubject.subject > after)
        found = select(SearchSubject).where(live).order_by(SearchSubject.subject).limit(PAGE)
        return list(await session.scalars(found))


def _documents(db: Database, loop: asyncio.AbstractEventLoop) -> Iterator[SearchSubject]:
    """Pages of stored documents, fetched on the event loop for the rebuild running in a worker thread."""
    after = ""
    while rows := asyncio.run_coroutine_threadsafe(_page(db, after), loop).result():
        yield from rows
        after = rows[-1].subject


async def _catch_up(db: Database, index: SearchIndex, since: datetime) -> None:
    async with db.sessions() as session:
        changed = list(await session.scalars(select(SearchSubject).where(SearchSubject.applied_at >= since)))
    index.delete([row.subject for row in changed if row.document is None])
    index.upsert([from_json(row.document) for row in changed if row.document is not None])


async def rebuild(db: Database, index: SearchIndex) -> int:
    started = utcnow()
    await fold_outbox(db)
    async with db.sessions() as session:
        total = await session.scalar(select(func.count()).where(SearchSubject.document.is_not(None)))
    rows = tqdm(_documents(db, asyncio.get_running_loop()), total=total, unit="doc", desc="reindex")
    written = await asyncio.to_thread(index.rebuild, (from_json(row.document) for row in rows if row.document))
    await _catch_up(db, index, started)
    return written


async def reindex(settings: Settings) -> int:
    """Rebuilds the index `settings` choose; how many documents it holds now."""
    db, index = Database.of(settings), build_index(settings)
    try:
        index.apply_settings()
        return await rebuild(db, index)
    finally:
        index.close()
        await db.dispose()
