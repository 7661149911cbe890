"""The consumer contract: a named consumer group and a plain async handler.

The runner calls `handle(event, session)` inside a database transaction in which it also records the event id
as processed for this consumer, so a redelivered event has no second effect. A handler ignores event types it
does not care about (return without effect) and raises to ask for a retry. A consumer whose effect has a costly
outside write (the search index commits to disk) may stage it per event and make it once per batch in `finish`,
called in the same transaction after the batch's last event: a backlog then costs one outside write, not one per
event. Made before the transaction's first database write, it never holds SQLite's lock on the whole file.
A consumer whose outside store needs readying (the search index's settings) says how in `prepare`, which the
runner awaits once as it starts, before the first event.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from events.envelope import Event

Handler = Callable[[Event, AsyncSession], Awaitable[None]]
Finisher = Callable[[AsyncSession], Awaitable[None]]
Preparer = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class Consumer:
    name: str
    handle: Handler
    # Topics (event sources) it reads; the Kafka adapter subscribes to one topic per source service.
    sources: tuple[str, ...]
    finish: Finisher | None = None
    prepare: Preparer | None = None
