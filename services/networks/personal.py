"""A member's data rights in networks: their profile and memberships, for their export; erased with their
account, the profile leaves search and feeds (its publication None) and the memberships go."""

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.personal_data import PersonalData, gathered
from services.networks import events as ev
from services.networks.tables import Invitation, JoinRequest, LocalGroupMember, Membership, Profile


async def personal_data(session: AsyncSession, member_id: str, email: str) -> PersonalData:
    return await gathered(
        session,
        {
            "profile": select(Profile).where(Profile.member_id == member_id),
            "memberships": select(Membership).where(Membership.member_id == member_id),
            "local_group_memberships": select(LocalGroupMember).where(LocalGroupMember.member_id == member_id),
            "join_requests": select(JoinRequest).where(JoinRequest.member_id == member_id),
            "invitations_received": select(Invitation).where(Invitation.email == email),
        },
    )


async def erase_member(session: AsyncSession, member_id: str, email: str) -> None:
    networks = list(await session.scalars(select(Membership.network_id).where(Membership.member_id == member_id)))
    if networks:
        gone = ev.ProfileChanged(
            member_id=member_id, network_ids=networks, local_group_ids=[], practice_areas=[], publication=None
        )
        record(session, [new_event(gone, member_id, [audience.network(n) for n in networks], None)])
    for table in (Profile, Membership, LocalGroupMember, JoinRequest):
        await session.execute(delete(table).where(table.member_id == member_id))
    await session.execute(delete(Invitation).where(Invitation.email == email))
