"""Idempotent writes: insert-or-update on a key (the primary key unless told), in SQLite and PostgreSQL alike."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase


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
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = model.__table__
    statement = dialect.insert(table).values(list(rows))
    keys = list(key) or [column.name for column in table.primary_key]
    if update:
        statement = statement.on_conflict_do_update(
            index_elements=keys, set_={name: statement.excluded[name] for name in update}
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=keys)
    await session.execute(statement)
