"""Writing events: `record` adds them to the caller's transaction, so the change and its events commit together."""

from collections.abc import Iterable

from sqlalchemy import Connection
from sqlalchemy import event as orm_event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapper, Session

from events.envelope import Event
from events.keys import keys_for_writing
from events.sealing import sealed_data
from events.signals import outbox_committed
from events.tables import OutboxRow

RECORDED = "events.recorded"


def row_of(event: Event) -> OutboxRow:
    return OutboxRow(
        event_id=event.id,
        type=event.type,
        version=event.version,
        subject=event.subject,
        network=event.network,
        audience=list(event.audience),
        data=event.data,
        time=event.time,
        traceparent=event.traceparent,
    )


def event_of(row: OutboxRow) -> Event:
    return Event(
        id=row.event_id,
        type=row.type,
        version=row.version,
        subject=row.subject,
        network=row.network,
        audience=tuple(row.audience),
        data=row.data,
        time=row.time,
        traceparent=row.traceparent,
    )


def record(session: AsyncSession, events: Iterable[Event]) -> None:
    session.add_all(row_of(event) for event in events)
    session.info[RECORDED] = True


@orm_event.listens_for(OutboxRow, "before_insert")
def _seal(_mapper: Mapper[OutboxRow], connection: Connection, row: OutboxRow) -> None:
    # Here rather than in `record`, which is synchronous: the flush may read and make members' keys.
    row.data = sealed_data(row.type, row.version, row.data, lambda members: keys_for_writing(connection, members))


@orm_event.listens_for(Session, "after_commit")
def _wake_the_relay(session: Session) -> None:
    # An in-process relay starts at once; relays in other processes find the rows when they next poll.
    if session.info.pop(RECORDED, False):
        outbox_committed.notify()


@orm_event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _transaction: object) -> None:
    session.info.pop(RECORDED, None)
