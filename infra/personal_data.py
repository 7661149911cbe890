"""What a service holds about a member, as a data-rights export carries it: each service's `personal_data` lists
its rows about the member by kind, and `gathered` turns them into JSON-ready records."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Select, inspect
from sqlalchemy.ext.asyncio import AsyncSession

Record = dict[str, Any]
PersonalData = dict[str, list[Record]]


def record_of(row: object, leave: tuple[str, ...] = ()) -> Record:
    """A row's columns as plain JSON values, without those in `leave` (secrets such as a password's hash)."""
    columns = inspect(row).mapper.column_attrs
    return {column.key: _plain(getattr(row, column.key)) for column in columns if column.key not in leave}


def _plain(value: object) -> object:
    """Moments and days as ISO 8601 text (a datetime is a date too)."""
    return value.isoformat() if isinstance(value, date) else value


async def gathered(
    session: AsyncSession, queries: Mapping[str, Select[Any]], leave: tuple[str, ...] = ()
) -> PersonalData:
    """Each kind's rows, one query per kind, without the columns in `leave` (what is not the member's to take)."""
    return {kind: [record_of(row, leave) for row in await session.scalars(query)] for kind, query in queries.items()}
