"""Reading gatherings: a circle's list, a member's own, the one before, its RSVPs and attendance."""

from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.loaders import grouped
from infra.viewer import Viewer
from services.gatherings.access import seen_by
from services.gatherings.tables import Attendance, Gathering, Rsvp


def listed(viewer: Viewer, network_id: str, local_group_id: str | None, since: datetime | None) -> Select[Gathering]:
    """A network's gatherings (with its local groups' the viewer may see), or one local group's; soonest first.
    `since`: only those ending after it."""
    query = select(Gathering).where(seen_by(viewer), Gathering.network_id == network_id)
    if local_group_id:
        query = query.where(Gathering.audience_key == audience.local_group(local_group_id))
    if since is not None:
        query = query.where(Gathering.ends_at > since)
    return query.order_by(Gathering.starts_at, Gathering.id)


async def previous(session: AsyncSession, gathering: Gathering) -> Gathering | None:
    """The circle's last gathering held before this one (cancelled ones were not held)."""
    query = select(Gathering).where(
        Gathering.audience_key == gathering.audience_key,
        Gathering.status == "scheduled",
        Gathering.starts_at < gathering.starts_at,
    )
    return await session.scalar(query.order_by(Gathering.starts_at.desc(), Gathering.id).limit(1))


async def rsvps_by_gathering(session: AsyncSession, gathering_ids: list[str]) -> dict[str, list[Rsvp]]:
    """Each gathering's answers: going first, then the waiting list in order, then those not going."""
    order = {"going": 0, "waiting": 1, "not_going": 2}
    found = await session.scalars(select(Rsvp).where(Rsvp.gathering_id.in_(gathering_ids)))
    listed = sorted(found, key=lambda r: (order[r.answer], r.queue if r.answer == "waiting" else 0, r.member_name))
    return grouped(gathering_ids, listed, lambda rsvp: rsvp.gathering_id)


async def attendance_by_gathering(session: AsyncSession, gathering_ids: list[str]) -> dict[str, dict[str, Attendance]]:
    """Each gathering's attendance as recorded, by member."""
    found: dict[str, dict[str, Attendance]] = {gathering_id: {} for gathering_id in gathering_ids}
    for row in await session.scalars(select(Attendance).where(Attendance.gathering_id.in_(gathering_ids))):
        found[row.gathering_id][row.member_id] = row
    return found
