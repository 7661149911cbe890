"""Jobs with a due time: planned by the consumer (a meeting's reminder, a survey's) or the scheduler (a digest),
kept in the database so they survive restarts, and run by the scheduler, each claimed once across replicas (see
claims.py)."""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import new_id
from infra.upserts import upsert
from services.notifications.kinds import Channel, Kind
from services.notifications.tables import DueJob


async def plan(session: AsyncSession, kind: Kind | Channel, key: str, due_at: datetime, data: dict[str, str]) -> None:
    """Plans a job once: planning it again (a redelivered event, a replay) changes nothing."""
    row = {"id": new_id(), "key": f"{kind.value}:{key}", "kind": kind.value, "due_at": due_at, "data": data}
    await upsert(session, DueJob, [row], key=["key"])
