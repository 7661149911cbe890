"""What other services may ask of gatherings."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from infra.viewer import Viewer
from services.gatherings.access import visible
from services.gatherings.calendar import gathering_ics
from services.gatherings.kinds import KINDS as KINDS
from services.gatherings.kinds import NAMES as NAMES
from services.gatherings.personal import erase_member as erase_member
from services.gatherings.personal import personal_data as personal_data
from services.gatherings.queries import previous
from services.gatherings.tables import Gathering, Rsvp


@dataclass(frozen=True)
class GatheringGlimpse:
    id: str
    network_id: str
    local_group_id: str | None
    kind: str
    title: str
    starts_at: datetime
    status: str


async def gathering_glimpse(db: Database, gathering_id: str) -> GatheringGlimpse | None:
    async with db.sessions() as session:
        found = await session.get(Gathering, gathering_id)
    if found is None:
        return None
    return GatheringGlimpse(
        found.id, found.network_id, found.local_group_id, found.kind, found.title, found.starts_at, found.status
    )


async def calendar_in(session: AsyncSession, gathering_id: str) -> str | None:
    """The gathering as an .ics file, for a letter to a member going (or told it changed)."""
    found = await session.get(Gathering, gathering_id)
    return gathering_ics(found).decode() if found else None


async def title_in(session: AsyncSession, gathering_id: str) -> str | None:
    return await session.scalar(select(Gathering.title).where(Gathering.id == gathering_id))


async def answered_member_ids(session: AsyncSession, gathering_id: str) -> list[str]:
    """Members going or waiting: who hears that it changed or was cancelled."""
    query = select(Rsvp.member_id).where(Rsvp.gathering_id == gathering_id, Rsvp.answer.in_(("going", "waiting")))
    return list(await session.scalars(query.order_by(Rsvp.member_id)))


async def previous_seen(db: Database, viewer: Viewer, gathering_id: str) -> str | None:
    """The id of the circle's gathering held before this one, if the viewer may see this one (else NotFound)."""
    async with db.sessions() as session:
        gathering, _ = await visible(session, viewer, gathering_id)
        before = await previous(session, gathering)
    return before.id if before else None
