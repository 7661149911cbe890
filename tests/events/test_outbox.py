"""The outbox keeps a change and its events together: both commit, or neither does."""

import pytest
from sqlalchemy import func, select

from events.catalogue import Payload, new_event, payload
from events.outbox import event_of, record
from events.tables import OutboxRow
from infra.database import Database


@payload("tests.thing.made", 1)
class ThingMade(Payload):
    name: str


def made(name: str) -> object:
    return new_event(ThingMade(name=name), subject="thing-1", audience=["platform"], network=None)


async def count(database: Database) -> int:
    async with database.sessions() as session:
        return await session.scalar(select(func.count()).select_from(OutboxRow)) or 0


async def test_events_commit_with_the_transaction(database: Database) -> None:
    async with database.transaction() as session:
        record(session, [made("first")])
    async with database.sessions() as session:
        row = (await session.scalars(select(OutboxRow))).one()
    event = event_of(row)
    assert (event.type, event.version, event.data, event.audience) == (
        "tests.thing.made",
        1,
        {"name": "first"},
        ("platform",),
    )


async def test_events_roll_back_with_the_transaction(database: Database) -> None:
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            record(session, [made("lost")])
            await session.flush()
            raise RuntimeError("the change failed")
    assert await count(database) == 0


def test_an_event_needs_an_audience() -> None:
    with pytest.raises(ValueError, match="audience"):
        new_event(ThingMade(name="x"), subject="s", audience=[], network=None)
