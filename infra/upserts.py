"""Idempotent writes: insert-or-update on a key (the primary key unless told), in SQLite and PostgreSQL alike."""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase


def _dialect(session: AsyncSession) -> Any:
    return postgresql if session.get_bind().dialect.name == "postgresql" else sqlite


async def upsert(
    session: AsyncSession,
    model: type[DeclarativeBase],
    rows: Sequence[dict[str, Any]],
    update: Sequence[str] = (),
    key: Sequence[str] = (),
) -> None:
    """Inserts `rows`; a row whose `key` (default: primary key) exists gets the `update` columns, or is left."""
    if not rows:
        return
    table = model.__table__
    statement = _dialect(session).insert(table).values(list(rows))
    keys = list(key) or [column.name for column in table.primary_key]
    if update:
        statement = statement.on_conflict_do_update(
            index_elements=keys, set_={name: statement.excluded[name] for name in update}
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=keys)
    await session.execute(statement)


async def count_up(session: AsyncSession, model: type[DeclarativeBase], counter: str, keys: Iterable[str]) -> None:
    """Adds one to the `counter` column of the rows whose primary key is in `keys`; a missing row starts at 1."""
    table = model.__table__
    [key] = [column.name for column in table.primary_key]
    rows = [{key: value, counter: 1} for value in sorted(set(keys))]  # sorted: concurrent writers lock alike
    if rows:
        statement = _dialect(session).insert(table).values(rows)
        await session.execute(
            statement.on_conflict_do_update(index_elements=[key], set_={counter: table.c[counter] + 1})
        )
