"""Projecting the circles: networks, their partnerships, local groups and member profiles.

Reasons and ranking need a group's name and practice areas, a network's name and partners, a member's own
practice areas. Each is replaced only by an event newer than the one it was built from. Who belongs where is
not projected: it is asked of networks and peer groups when needed (see access.py), as the gateway does.
"""

from datetime import datetime

from sqlalchemy import delete, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from infra.upserts import upsert
from services.feeds import changes
from services.feeds.tables import FeedLocalGroup, FeedMember, FeedNetwork, Partnership


async def project_network(session: AsyncSession, network_id: str, name: str, is_public: bool, at: datetime) -> None:
    await changes.count_everyone(session)
    network = await session.get(FeedNetwork, network_id)
    if network is None:
        session.add(FeedNetwork(id=network_id, name=name, is_public=is_public, changed_at=at))
    elif at >= network.changed_at:
        network.name, network.is_public, network.changed_at = name, is_public, at


async def project_local_group(
    session: AsyncSession, group_id: str, network_id: str, name: str, areas: list[str], at: datetime, gone: bool
) -> None:
    await changes.count_everyone(session)
    group = await session.get(FeedLocalGroup, group_id)
    if group is None:
        group = FeedLocalGroup(id=group_id, changed_at=at)
        session.add(group)
    elif at < group.changed_at:
        return
    group.network_id, group.name, group.practice_areas = network_id, name, list(areas)
    group.changed_at, group.gone = at, gone


async def project_profile(session: AsyncSession, member_id: str, name: str, areas: list[str], at: datetime) -> None:
    await changes.count_member(session, member_id)
    member = await session.get(FeedMember, member_id)
    if member is None:
        session.add(FeedMember(member_id=member_id, name=name, practice_areas=list(areas), changed_at=at))
    elif member.changed_at is None or at >= member.changed_at:
        member.name, member.practice_areas, member.changed_at = name, list(areas), at


async def project_partnership(session: AsyncSession, network_id: str, partner_id: str, connected: bool) -> None:
    await changes.count_everyone(session)
    pairs = [(network_id, partner_id), (partner_id, network_id)]
    if connected:
        await upsert(session, Partnership, [{"network_id": a, "partner_id": b} for a, b in pairs])
    else:
        await session.execute(
            delete(Partnership).where(tuple_(Partnership.network_id, Partnership.partner_id).in_(pairs))
        )
