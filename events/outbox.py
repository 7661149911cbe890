"""Writing events: `record` adds them to the caller's transaction, so the change and its events commit together."""

from collections.abc import Iterable

from sqlalchemy import event as orm_event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from events.envelope import Event
from events.keys import keys_for_writing
from events.sealing import sealed_data
from events.signals import outbox_committed
from events.tables import OutboxRow

RECORDED = "events.recorded"
# The envelope's fields a row keeps under the same name; the row calls the id event_id and holds the audience
# as a list.
KEPT = ("type", "version", "subject", "network", "data", "time", "traceparent")


def row_of(event: Event) -> OutboxRow:
    return OutboxRow(event_id=event.id, audience=list(event.audience), **{name: getattr(event, name) for name in KEPT})


def event_of(row: OutboxRow) -> Event:
    return Event(id=row.event_id, audience=tuple(row.audience), **{name: getattr(row, name) for name in KEPT})


def record(session: AsyncSession, events: Iterable[Event]) -> None:
    session.add_all(row_of(event) for event in events)
    session.info[RECORDED] = True


@orm_event.listens_for(Session, "before_flush")
def _seal(session: Session, _context: object, _instances: object) -> None:
    # Here rather than in `record`, which is synchronous: the flush may read and make members' keys, once for
    # all the events it writes.
    rows = [row for row in session.new if isinstance(row, OutboxRow)]
    if rows:
        connection = session.connection()
        payloads = [(row.type, row.version, row.data) for row in rows]
        sealed = sealed_data(payloads, lambda members: keys_for_writing(connection, members))
        for row, data in zip(rows, sealed, strict=True):
            row.data = data


@orm_event.listens_for(Session, "after_commit")
def _wake_the_relay(session: Session) -> None:
    # An in-process relay starts at once; relays in other processes find the rows when they next poll.
    if session.info.pop(RECORDED, False):
        outbox_committed.notify()


@orm_event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _transaction: object) -> None:
    session.info.pop(RECORDED, None)
