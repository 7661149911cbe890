"""Local groups: place- or cohort-based groups inside a network, and their members."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, NotFound
from infra.text import clean_text
from infra.viewer import Viewer
from services.networks import events as ev
from services.networks.access import hosted_network, member_network, network_ids_of
from services.networks.commands import ensure_profile, record_profile
from services.networks.practice_areas import clean_areas
from services.networks.publications import local_group_publication
from services.networks.queries import allowed_areas
from services.networks.tables import LocalGroup, LocalGroupMember


def _record(session: AsyncSession, group: LocalGroup) -> None:
    data = ev.LocalGroupChanged(
        local_group_id=group.id,
        network_id=group.network_id,
        name=group.name,
        practice_areas=group.practice_areas,
        publication=local_group_publication(group),
    )
    record(session, [new_event(data, group.id, [audience.network(group.network_id)], group.network_id)])


async def create_local_group(
    session: AsyncSession,
    viewer: Viewer,
    network_id: str,
    name: str,
    place: str,
    description: str,
    practice_areas: list[str],
) -> LocalGroup:
    network = await hosted_network(session, viewer, network_id, "create local groups")
    group = LocalGroup(
        network_id=network.id,
        name=clean_text(name, "A group's name", 120, 2),
        place=clean_text(place, "A place", 120),
        description=clean_text(description, "A description", 5000),
        practice_areas=clean_areas(practice_areas, await allowed_areas(session, network.id)),
        created_at=utcnow(),
    )
    session.add(group)
    await session.flush()
    _record(session, group)
    return group


async def visible_local_group(session: AsyncSession, viewer: Viewer, local_group_id: str) -> LocalGroup:
    query = select(LocalGroup).where(LocalGroup.id == local_group_id)
    if not viewer.is_admin:
        query = query.where(LocalGroup.network_id.in_(network_ids_of(viewer)))
    group = await session.scalar(query)
    if group is None:
        raise NotFound("No such local group.")
    return group


async def join_local_group(session: AsyncSession, viewer: Viewer, local_group_id: str) -> LocalGroup:
    group = await visible_local_group(session, viewer, local_group_id)
    await member_network(session, viewer, group.network_id, "join its local groups")
    if await session.get(LocalGroupMember, (group.id, viewer.account_id)):
        raise Conflict("You are in this local group already.")
    session.add(LocalGroupMember(local_group_id=group.id, member_id=viewer.account_id, joined_at=utcnow()))
    await session.flush()
    joined = ev.LocalGroupMemberJoined(
        local_group_id=group.id, network_id=group.network_id, member_id=viewer.account_id
    )
    record(session, [new_event(joined, viewer.account_id, [audience.network(group.network_id)], group.network_id)])
    await record_profile(session, await ensure_profile(session, viewer))
    return group
