"""Members' keys for sealing their personal fields in events (`events/sealing.py`): made on first need, read to
open events, shredded when the member is erased."""

from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import Connection, Select, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from events.envelope import Event
from events.sealing import Keys, new_key, opened_data, owners
from events.tables import MemberKey
from infra.columns import utcnow
from infra.upserts import upsert


def _of(members: Iterable[str]) -> Select[str, bytes | None]:
    return select(MemberKey.member_id, MemberKey.key).where(MemberKey.member_id.in_(sorted(members)))


def keys_for_writing(connection: Connection, members: set[str]) -> Keys:
    """Each member's key, made for those who have none (in the writer's transaction, from the outbox's flush)."""
    found = {member: key for member, key in connection.execute(_of(members))}
    missing = members - found.keys()
    if missing:
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        rows = [{"member_id": member, "key": new_key()} for member in sorted(missing)]
        connection.execute(dialect.insert(MemberKey).values(rows).on_conflict_do_nothing())
        found.update({member: key for member, key in connection.execute(_of(missing))})
    return found


async def opened(session: AsyncSession, events: Sequence[Event]) -> list[Event]:
    """The events with their sealed fields opened: the placeholder where the key is gone."""
    members = set().union(*(owners(event.data) for event in events))
    if not members:
        return list(events)
    keys = {member: key for member, key in await session.execute(_of(members))}
    return [replace(event, data=opened_data(event.data, keys)) for event in events]


async def shred(session: AsyncSession, member_id: str) -> None:
    """Destroys the member's key: their sealed fields, wherever events were copied, can no longer be read."""
    await upsert(
        session,
        MemberKey,
        [{"member_id": member_id, "key": None, "shredded_at": utcnow()}],
        update=["key", "shredded_at"],
    )
