"""Reading networks: lists and lookups for GraphQL and for the public API."""

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.viewer import Viewer
from services.networks.access import hosted_by, network_ids_of
from services.networks.practice_areas import DEFAULT_PRACTICE_AREAS
from services.networks.tables import (
    Invitation,
    JoinRequest,
    LocalGroup,
    LocalGroupMember,
    Membership,
    Network,
    PracticeArea,
    Profile,
)


async def allowed_areas(session: AsyncSession, network_id: str | None) -> set[str]:
    own = await session.scalars(select(PracticeArea.name).where(PracticeArea.network_id == network_id))
    return set(DEFAULT_PRACTICE_AREAS) | set(own)


def visible_networks(member_id: str, is_admin: bool) -> Select[Network]:
    mine = select(Membership.network_id).where(Membership.member_id == member_id)
    query = select(Network)
    if not is_admin:
        query = query.where(or_(Network.is_public, Network.id.in_(mine)))
    return query.order_by(Network.created_at, Network.id)


def network_members(network_id: str, unseen: frozenset[str] = frozenset()) -> Select[Profile]:
    """Its members, but those `unseen` (the viewer has a block with them)."""
    return (
        select(Profile)
        .join(Membership, Membership.member_id == Profile.member_id)
        .where(Membership.network_id == network_id, Profile.member_id.not_in(unseen))
        .order_by(Profile.name, Profile.member_id)
    )


def local_groups_of(network_id: str) -> Select[LocalGroup]:
    return select(LocalGroup).where(LocalGroup.network_id == network_id).order_by(LocalGroup.name, LocalGroup.id)


def local_group_members(local_group_id: str, unseen: frozenset[str] = frozenset()) -> Select[Profile]:
    return (
        select(Profile)
        .join(LocalGroupMember, LocalGroupMember.member_id == Profile.member_id)
        .where(LocalGroupMember.local_group_id == local_group_id, Profile.member_id.not_in(unseen))
        .order_by(Profile.name, Profile.member_id)
    )


async def local_groups_by_member(session: AsyncSession, member_ids: list[str]) -> dict[str, list[LocalGroup]]:
    """Each member's local groups, by name; members in none map to an empty list."""
    query = (
        select(LocalGroupMember.member_id, LocalGroup)
        .join(LocalGroup, LocalGroup.id == LocalGroupMember.local_group_id)
        .where(LocalGroupMember.member_id.in_(member_ids))
        .order_by(LocalGroup.name)
    )
    found: dict[str, list[LocalGroup]] = {member_id: [] for member_id in member_ids}
    for member_id, group in (await session.execute(query)).all():
        found[member_id].append(group)
    return found


async def visible_profile(session: AsyncSession, viewer: Viewer, member_id: str) -> Profile | None:
    """A profile, if it is the viewer's own or its member shares a network with the viewer (and has no block with
    them)."""
    query = select(Profile).where(Profile.member_id == member_id, Profile.member_id.not_in(viewer.blocked))
    if not viewer.is_admin:
        shared = select(Membership.member_id).where(Membership.network_id.in_(network_ids_of(viewer)))
        query = query.where(or_(Profile.member_id == viewer.account_id, Profile.member_id.in_(shared)))
    return await session.scalar(query)


async def sees_hidden_profile(session: AsyncSession, viewer: Viewer, member_id: str) -> bool:
    """Whether a hidden profile still shows the viewer its words: its own member, and the hosts of its networks."""
    if viewer.is_admin or member_id == viewer.account_id:
        return True
    hosted = select(Membership.network_id).where(
        Membership.member_id == member_id, Membership.network_id.in_(hosted_by(viewer.account_id))
    )
    return await session.scalar(hosted.limit(1)) is not None


async def open_invitations(session: AsyncSession, email: str) -> list[tuple[Invitation, Network]]:
    query = (
        select(Invitation, Network)
        .join(Network, Network.id == Invitation.network_id)
        .where(Invitation.email == email, Invitation.accepted_at.is_(None))
        .order_by(Invitation.created_at)
    )
    return list((await session.execute(query)).all())


async def pending_join_requests(session: AsyncSession, network_id: str) -> list[JoinRequest]:
    query = select(JoinRequest).where(JoinRequest.network_id == network_id, JoinRequest.status == "pending")
    return list(await session.scalars(query.order_by(JoinRequest.created_at)))
