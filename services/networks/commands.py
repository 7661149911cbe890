"""Changing networks: the only code that writes the networks tables; each change records its events."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict
from infra.text import clean_text
from infra.viewer import Viewer
from services.networks import events as ev
from services.networks.publications import network_audience, network_publication, profile_publication
from services.networks.queries import allowed_areas
from services.networks.tables import LocalGroupMember, Membership, Network, PracticeArea, Profile


async def ensure_profile(session: AsyncSession, viewer: Viewer) -> Profile:
    profile = await session.get(Profile, viewer.account_id)
    if profile is None:
        profile = Profile(member_id=viewer.account_id, name=viewer.name, practice_areas=[], updated_at=utcnow())
        session.add(profile)
    return profile


def record_network(session: AsyncSession, network: Network) -> None:
    data = ev.NetworkChanged(
        network_id=network.id, name=network.name, is_public=network.is_public, publication=network_publication(network)
    )
    record(session, [new_event(data, network.id, network_audience(network), network.id)])


async def add_member(session: AsyncSession, viewer: Viewer, network: Network, role: str) -> None:
    session.add(Membership(network_id=network.id, member_id=viewer.account_id, role=role, joined_at=utcnow()))
    profile = await ensure_profile(session, viewer)
    await session.flush()
    joined = ev.MemberJoined(network_id=network.id, member_id=viewer.account_id, member_name=profile.name, role=role)
    record(session, [new_event(joined, viewer.account_id, [audience.network(network.id)], network.id)])
    await record_profile(session, profile)


async def record_profile(session: AsyncSession, profile: Profile) -> None:
    """Profiles are seen by the members of the member's networks; each change re-announces that circle."""
    network_ids = list(
        await session.scalars(select(Membership.network_id).where(Membership.member_id == profile.member_id))
    )
    if not network_ids:
        return
    groups = await session.scalars(
        select(LocalGroupMember.local_group_id).where(LocalGroupMember.member_id == profile.member_id)
    )
    data = ev.ProfileChanged(
        member_id=profile.member_id,
        network_ids=network_ids,
        local_group_ids=list(groups),
        practice_areas=profile.practice_areas,
        publication=profile_publication(profile, network_ids),
    )
    keys = [audience.network(network_id) for network_id in network_ids]
    record(session, [new_event(data, profile.member_id, keys, None)])


async def create_network(
    session: AsyncSession, viewer: Viewer, name: str, description: str, is_public: bool
) -> Network:
    network = Network(
        name=clean_text(name, "A network's name", 120, 2),
        description=clean_text(description, "A description", 5000),
        is_public=is_public,
        created_at=utcnow(),
    )
    session.add(network)
    await session.flush()
    record_network(session, network)
    await add_member(session, viewer, network, "host")
    return network


async def update_network(
    session: AsyncSession, network: Network, name: str | None, description: str | None, is_public: bool | None
) -> Network:
    if name is not None:
        network.name = clean_text(name, "A network's name", 120, 2)
    if description is not None:
        network.description = clean_text(description, "A description", 5000)
    if is_public is not None:
        network.is_public = is_public
    record_network(session, network)
    return network


async def add_practice_area(session: AsyncSession, network: Network, name: str) -> PracticeArea:
    area = PracticeArea(
        network_id=network.id, name=" ".join(clean_text(name, "A practice area", 80, 2).lower().split())
    )
    if area.name in await allowed_areas(session, network.id):
        raise Conflict(f"The network has the practice area {area.name} already.")
    session.add(area)
    return area
