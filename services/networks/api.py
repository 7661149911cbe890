"""What other services and the gateway may ask of networks."""

from dataclasses import dataclass

from sqlalchemy import literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.audience import AudienceKind
from infra.database import Database
from infra.viewer import MEMBER, Standing, no_since, standing_of
from services.networks.access import hosted_by, role_of
from services.networks.connections import connected_ids
from services.networks.hiding import flaggable as flaggable
from services.networks.hiding import set_hidden as set_hidden
from services.networks.invitations import InvitationGlimpse, invitation_glimpse, network_name_in
from services.networks.personal import erase_member as erase_member
from services.networks.personal import personal_data as personal_data
from services.networks.practice_areas import DEFAULT_PRACTICE_AREAS, clean_areas
from services.networks.queries import allowed_areas, local_groups_by_member
from services.networks.tables import LocalGroup, LocalGroupMember, Membership, Network, Profile

__all__ = [
    "DEFAULT_PRACTICE_AREAS",
    "InvitationGlimpse",
    "clean_areas",
    "hosted_by",
    "invitation_glimpse",
    "network_name_in",
    "role_of",
]


@dataclass(frozen=True)
class LocalGroupSummary:
    id: str
    network_id: str
    name: str
    practice_areas: tuple[str, ...]


@dataclass(frozen=True)
class NetworkSummary:
    id: str
    name: str
    is_public: bool


def _summary(group: LocalGroup) -> LocalGroupSummary:
    return LocalGroupSummary(group.id, group.network_id, group.name, tuple(group.practice_areas))


async def audiences_of(db: Database, member_id: str) -> frozenset[str]:
    """The circles a member sees: the platform, their networks and their local groups."""
    async with db.sessions() as session:
        return await audiences_in(session, member_id)


# The networks and local groups a member belongs to (infra.viewer.Standing).
CIRCLES: tuple[Standing, Standing] = (
    select(literal(AudienceKind.NETWORK.value), Membership.network_id, no_since()).where(
        Membership.member_id == MEMBER
    ),
    select(literal(AudienceKind.LOCAL_GROUP.value), LocalGroupMember.local_group_id, no_since()).where(
        LocalGroupMember.member_id == MEMBER
    ),
)


async def audiences_in(session: AsyncSession, member_id: str, *also: Standing) -> frozenset[str]:
    """As `audiences_of`, in the caller's session and one query; `also` adds other services' circles."""
    rows = await session.execute(union_all(*CIRCLES, *also), standing_of(member_id))
    return frozenset([audience.PLATFORM.key, *(audience.key_of(kind, ident) for kind, ident, _ in rows)])


async def role_in(db: Database, network_id: str, member_id: str) -> str | None:
    async with db.sessions() as session:
        query = select(Membership.role).where(Membership.network_id == network_id, Membership.member_id == member_id)
        return await session.scalar(query)


async def network_summary(db: Database, network_id: str) -> NetworkSummary | None:
    async with db.sessions() as session:
        network = await session.get(Network, network_id)
    return NetworkSummary(network.id, network.name, network.is_public) if network else None


async def local_group_summary(db: Database, local_group_id: str) -> LocalGroupSummary | None:
    async with db.sessions() as session:
        group = await session.get(LocalGroup, local_group_id)
    return _summary(group) if group else None


async def local_groups_of_members(db: Database, member_ids: list[str]) -> dict[str, list[LocalGroupSummary]]:
    """Each member's local groups, by name; members in none map to an empty list."""
    async with db.sessions() as session:
        return await local_groups_of_members_in(session, member_ids)


async def local_groups_of_members_in(
    session: AsyncSession, member_ids: list[str]
) -> dict[str, list[LocalGroupSummary]]:
    """As `local_groups_of_members`, in the caller's session."""
    found = await local_groups_by_member(session, member_ids)
    return {member_id: [_summary(g) for g in groups] for member_id, groups in found.items()}


async def member_ids(db: Database, network_id: str) -> list[str]:
    async with db.sessions() as session:
        return list(await session.scalars(select(Membership.member_id).where(Membership.network_id == network_id)))


async def member_ids_in(session: AsyncSession, network_ids: list[str]) -> list[str]:
    """Every member of any of these networks, once."""
    query = select(Membership.member_id).where(Membership.network_id.in_(network_ids)).distinct()
    return list(await session.scalars(query))


async def coordinator_ids_in(session: AsyncSession, network_id: str) -> list[str]:
    """The network's hosts and coordinators: who sees whether its peer groups keep meeting."""
    query = select(Membership.member_id).where(
        Membership.network_id == network_id, Membership.role.in_(("host", "coordinator"))
    )
    return list(await session.scalars(query))


async def host_ids_in(session: AsyncSession, network_id: str) -> list[str]:
    """The network's hosts: who reviews what members flag in it."""
    query = select(Membership.member_id).where(Membership.network_id == network_id, Membership.role == "host")
    return list(await session.scalars(query))


async def practice_areas(db: Database, network_id: str | None) -> set[str]:
    async with db.sessions() as session:
        return await allowed_areas(session, network_id)


async def member_names(db: Database, ids: list[str]) -> dict[str, str]:
    async with db.sessions() as session:
        rows = await session.execute(select(Profile.member_id, Profile.name).where(Profile.member_id.in_(ids)))
        return dict(rows.all())


async def connected_network_ids(db: Database, network_id: str) -> list[str]:
    """Networks that agreed to connect with this one: they receive its published harvests and resources."""
    async with db.sessions() as session:
        return await connected_ids(session, network_id)
