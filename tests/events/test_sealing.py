"""Crypto-shredding: members' personal fields are sealed in the outbox, opened for consumers, and read as
"a former member" once the member's key is shredded, in events recorded before and after."""

import json
from datetime import UTC, datetime

from sqlalchemy import select

from events.catalogue import Payload, new_event, payload
from events.envelope import Event
from events.keys import opened, shred
from events.outbox import event_of, record
from events.publication import Publication
from events.sealing import FORMER_MEMBER
from events.tables import OutboxRow
from infra.database import Database


@payload("tests.profile.shown", 1)
class ProfileShown(Payload):
    personal = {"member_name": "member_id"}

    member_id: str
    member_name: str
    publication: Publication | None


def shown(member_id: str, name: str, bio: str) -> Event:
    moment = datetime(2026, 1, 5, tzinfo=UTC)
    profile = Publication(
        kind="member",
        title=name,
        text=bio,
        author_id=member_id,
        author_name=name,
        created_at=moment,
        updated_at=moment,
        path=f"/members/{member_id}",
    )
    data = ProfileShown(member_id=member_id, member_name=name, publication=profile)
    return new_event(data, subject=member_id, audience=["platform"], network=None)


async def logged(database: Database) -> list[Event]:
    async with database.sessions() as session:
        return [event_of(row) for row in await session.scalars(select(OutboxRow).order_by(OutboxRow.position))]


async def read_back(database: Database) -> list[Event]:
    async with database.sessions() as session:
        return await opened(session, await logged(database))


async def test_personal_fields_are_sealed_in_the_log_and_opened_for_consumers(database: Database) -> None:
    async with database.transaction() as session:
        record(session, [shown("m-1", "Amara Okafor", "Coaches new principals")])
    [raw] = await logged(database)
    assert "Amara" not in json.dumps(raw.data) and "principals" not in json.dumps(raw.data)
    assert raw.data["publication"]["path"] == "/members/m-1"
    [event] = await read_back(database)
    assert event.data["member_name"] == "Amara Okafor"
    assert (event.data["publication"]["title"], event.data["publication"]["text"]) == (
        "Amara Okafor",
        "Coaches new principals",
    )


async def test_a_shredded_key_reads_as_a_former_member_before_and_after(database: Database) -> None:
    async with database.transaction() as session:
        record(session, [shown("m-1", "Amara Okafor", "bio"), shown("m-2", "Ben Adler", "bio")])
    async with database.transaction() as session:
        await shred(session, "m-1")
    async with database.transaction() as session:
        record(session, [shown("m-1", "Amara Okafor", "late")])
    events = await read_back(database)
    assert [event.data["member_name"] for event in events] == [FORMER_MEMBER, "Ben Adler", FORMER_MEMBER]
    assert "Amara" not in json.dumps([event.data for event in await logged(database)])
