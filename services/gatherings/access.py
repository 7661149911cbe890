"""Who may see, host or answer a gathering.

A gathering is seen by its circle (the network's or local group's members) and by the network's hosts, who
host it. One read filtered by what the viewer may see finds it, so hidden and missing read the same: NotFound.
"""

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.database import Database
from infra.errors import Forbidden, NotFound
from infra.viewer import Viewer
from services.gatherings.tables import Gathering
from services.networks import api as networks


def hosts(viewer: Viewer) -> ColumnElement[bool]:
    return Gathering.network_id.in_(networks.hosted_by(viewer.account_id))


def seen_by(viewer: Viewer) -> ColumnElement[bool]:
    return or_(Gathering.audience_key.in_(sorted(viewer.audiences)), hosts(viewer))


async def _found(session: AsyncSession, viewer: Viewer, gathering_id: str, lock: bool) -> tuple[Gathering, bool]:
    query = select(Gathering, hosts(viewer)).where(Gathering.id == gathering_id, seen_by(viewer))
    found = (await session.execute(query.with_for_update(of=Gathering) if lock else query)).first()
    if found is None:
        raise NotFound("No such gathering.")
    return found[0], bool(found[1])


async def visible(session: AsyncSession, viewer: Viewer, gathering_id: str) -> tuple[Gathering, bool]:
    """The gathering and whether the viewer hosts it."""
    return await _found(session, viewer, gathering_id, lock=False)


async def hosted(session: AsyncSession, viewer: Viewer, gathering_id: str, doing: str) -> Gathering:
    gathering, hosting = await _found(session, viewer, gathering_id, lock=True)
    if not hosting:
        raise Forbidden(f"Only the network's hosts may {doing}.")
    return gathering


def answerable(viewer: Viewer, gathering: Gathering) -> None:
    """Only members of its circle answer; a host outside a local group hosts its gathering without a seat."""
    if gathering.audience_key not in viewer.audiences:
        raise Forbidden("Only members of the gathering's network or local group may RSVP.")


async def circle_to_host(db: Database, viewer: Viewer, network_id: str, local_group_id: str | None) -> str:
    """The audience key of the circle a new gathering belongs to, once the viewer is known to host its network."""
    if audience.network(network_id) not in viewer.audiences:
        raise NotFound("No such network.")
    if await networks.role_in(db, network_id, viewer.account_id) != "host":
        raise Forbidden("Only the network's hosts may schedule its gatherings.")
    if local_group_id is None:
        return audience.network(network_id)
    group = await networks.local_group_summary(db, local_group_id)
    if group is None or group.network_id != network_id:
        raise NotFound("No such local group.")
    return audience.local_group(local_group_id)
