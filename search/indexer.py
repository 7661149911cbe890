"""The indexer: keeps the search index in step with the services' events, in order per entity.

Any event with a `publication` key describes an entity others may see (or, when None, its end); all others are
ignored. An event older than the last one applied to its subject is ignored too, so a redelivered or late event
never undoes a newer change. The runner calls the handler inside its transaction, which also records the id.
"""

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from events.consumer import Consumer
from events.envelope import Event
from infra.columns import utcnow
from search.documents import carries_publication, document_of, to_json
from search.port import SearchDocument, SearchIndex
from search.tables import SearchSubject

# The services whose events may carry a publication (one topic each on Kafka).
SOURCES = ("networks", "peer_groups", "knowledge", "harvests", "gatherings")
# Where a transaction keeps the documents it will write to the index once, at the end of the runner's batch.
STAGED = "search.staged"
# Between tries to reach a search engine that is not up yet.
RETRY_SECONDS = 1.0
log = logging.getLogger("commons.search")


class Stale(Exception):
    """The event is older than what search already holds for its subject, or carries no publication."""


Applied = tuple[datetime, str]


async def _applied(session: AsyncSession, subject: str) -> Applied | None:
    """The time and id of the last event applied to `subject`, its row locked until the transaction ends."""
    row = await session.get(SearchSubject, subject, with_for_update=True)
    return (row.event_time, row.event_id) if row else None


def _applies(event: Event, applied: Applied | None) -> bool:
    return carries_publication(event) and (applied is None or applied < (event.time, event.id))


async def _record(session: AsyncSession, event: Event, document: SearchDocument | None) -> None:
    await session.merge(
        SearchSubject(
            subject=event.subject,
            event_time=event.time,
            event_id=event.id,
            document=to_json(document) if document else None,
            applied_at=utcnow(),
        )
    )


async def remember(session: AsyncSession, event: Event) -> SearchDocument | None:
    """Records the event's document as its subject's latest; raises Stale when it must not apply."""
    if not _applies(event, await _applied(session, event.subject)):
        raise Stale(event.id)
    document = document_of(event)
    await _record(session, event, document)
    await session.flush()
    return document


async def stage(event: Event, session: AsyncSession) -> None:
    """Keeps the event's document, if it is its subject's newest, for `write_staged` to apply at the batch's end."""
    staged: dict[str, tuple[Event, SearchDocument | None]] = session.info.setdefault(STAGED, {})
    newest = staged.get(event.subject)
    if _applies(event, (newest[0].time, newest[0].id) if newest else await _applied(session, event.subject)):
        staged[event.subject] = (event, document_of(event))


async def write_staged(index: SearchIndex, session: AsyncSession) -> None:
    """Writes the staged documents to the index, then records them: the index's commit to disk happens before the
    transaction's first write, so it never holds SQLite's write lock. Should the transaction fail after it, the
    runner retries the events and the index receives the same documents again."""
    staged: dict[str, tuple[Event, SearchDocument | None]] = session.info.pop(STAGED, {})
    if gone := [subject for subject, (_, document) in staged.items() if document is None]:
        await asyncio.to_thread(index.delete, gone)
    if documents := [document for _, document in staged.values() if document is not None]:
        await asyncio.to_thread(index.upsert, documents)
    for event, document in staged.values():
        await _record(session, event, document)


async def apply(index: SearchIndex, event: Event, session: AsyncSession) -> None:
    await stage(event, session)
    await write_staged(index, session)


async def prepare(index: SearchIndex) -> None:
    """Creates the index and brings its settings up to date, retrying until the engine answers. The indexer and
    every search-serving gateway do it as they start: a Meilisearch index made by the first write has no
    filterable fields, and every search (all filter by audience) would fail on it."""
    while True:
        try:
            return await asyncio.to_thread(index.apply_settings)
        except Exception as error:
            log.warning("search settings not applied yet, trying again: %r", error)
            await asyncio.sleep(RETRY_SECONDS)


def consumer(index: Callable[[], SearchIndex]) -> Consumer:
    """The indexer; `index` gives the index when the consumer first writes or readies it, so a process that only
    lists its consumers (`commons status`) never opens the embedded engine, which allows one writer."""

    async def finish(session: AsyncSession) -> None:
        await write_staged(index(), session)

    async def ready() -> None:
        await prepare(index())

    return Consumer(name="indexer", handle=stage, sources=SOURCES, finish=finish, prepare=ready)
