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


async def apply(index: SearchIndex, event: Event, session: AsyncSession) -> None:
    try:
        document = await remember(session, event)
    except Stale:
        return
    # The index is written last: if it fails, the transaction rolls back and the runner retries the event.
    if document is None:
        await asyncio.to_thread(index.delete, [event.subject])
    else:
        await asyncio.to_thread(index.upsert, [document])


def consumer(index: SearchIndex) -> Consumer:
    async def handle(event: Event, session: AsyncSession) -> None:
        await apply(index, event, session)

    return Consumer(name="indexer", handle=handle, sources=SOURCES)
