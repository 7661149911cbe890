"""Claiming due rows so that each is worked on by one process at a time, across replicas.

On PostgreSQL the candidates are read FOR UPDATE SKIP LOCKED, so concurrent claimers take disjoint rows without
waiting. On SQLite there is a single writer, and the claim itself is a conditional update, so two processes that
read the same candidates still claim each row once. A claim is a lease: a claimer that dies lets go when it ends.
"""

from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import new_id

R = TypeVar("R")


def _free(model: Any, now: datetime) -> ColumnElement[bool]:
    return or_(model.claimed_until.is_(None), model.claimed_until < now)


async def claim(
    session: AsyncSession, model: type[R], ready: ColumnElement[bool], now: datetime, lease: timedelta, limit: int
) -> tuple[str, list[R]]:
    """Up to `limit` ready rows, now held by the returned claim token until `now + lease`."""
    table: Any = model
    candidates = select(table.id).where(ready, _free(table, now)).order_by(table.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(await session.scalars(candidates))
    token = new_id()
    if ids:
        await session.execute(
            update(table)
            .where(table.id.in_(ids), _free(table, now))
            .values(claimed_until=now + lease, claimed_by=token)
        )
    return token, list(await session.scalars(select(table).where(table.claimed_by == token))) if ids else []
