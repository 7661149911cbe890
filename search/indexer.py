"""The indexer: keeps the search index in step with the services' events, in order per entity.

Any event with a `publication` key describes an entity others may see (or, when None, its end); all others are
ignored. An event older than the last one applied to its subject is ignored too, so a redelivered or late event
never undoes a newer change. The runner calls the handler inside its transaction, which also records the id.
"""

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from events.consumer import Consumer
from events.envelope import Event
from infra.columns import utcnow
from search.documents import carries_publication, document_of, to_json
from search.port import SearchDocument, SearchIndex
from search.tables import SearchSubject

# The services whose events may carry a publication (one topic each on Kafka).
SOURCES = ("accounts", "networks", "peer_groups", "knowledge", "harvests")
# Where a transaction keeps the documents it will write to the index once, at the end of the runner's batch.
STAGED = "search.staged"


class Stale(Exception):
    """The event is older than what search already holds for its subject, or carries no publication."""


async def remember(session: AsyncSession, event: Event) -> SearchDocument | None:
    """Records the event's document as its subject's latest; raises Stale when it must not apply."""
    applied = await session.get(SearchSubject, event.subject, with_for_update=True)
    if not carries_publication(event) or (
        applied is not None and (applied.event_time, applied.event_id) >= (event.time, event.id)
    ):
        raise Stale(event.id)
    document = document_of(event)
    await session.merge(SearchSubject(
        subject=event.subject, event_time=event.time, event_id=event.id,
        document=to_json(document) if document else None, applied_at=utcnow(),
    ))
    await session.flush()
    return document


async def stage(event: Event, session: AsyncSession) -> None:
    """Remembers the event's document; the index is written by `write_staged` before the transaction ends."""
    try:
        document = await remember(session, event)
    except Stale:
        return
    # Per subject only its newest state: `remember` lets events through in order, so the last one wins.
    session.info.setdefault(STAGED, {})[event.subject] = document


async def write_staged(index: SearchIndex, session: AsyncSession) -> None:
    """Writes what the transaction staged in one go, last: if it fails, the transaction rolls back and retries."""
    staged: dict[str, SearchDocument | None] = session.info.pop(STAGED, {})
    if gone := [subject for subject, document in staged.items() if document is None]:
        await asyncio.to_thread(index.delete, gone)
    if documents := [document for document in staged.values() if document is not None]:
        await asyncio.to_thread(index.upsert, documents)


async def apply(index: SearchIndex, event: Event, session: AsyncSession) -> None:
    await stage(event, session)
    await write_staged(index, session)


def consumer(index: SearchIndex) -> Consumer:
    async def finish(session: AsyncSession) -> None:
        await write_staged(index, session)

    return Consumer(name="indexer", handle=stage, sources=SOURCES, finish=finish)
