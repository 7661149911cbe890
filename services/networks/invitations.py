"""What notifications may learn of an invitation or a join request, to tell the people they concern."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.networks.tables import Invitation, Network, Profile


@dataclass(frozen=True)
class InvitationGlimpse:
    id: str
    email: str
    network_id: str
    network_name: str
    inviter_name: str
    accepted: bool


async def invitation_glimpse(session: AsyncSession, invitation_id: str) -> InvitationGlimpse | None:
    query = (
        select(Invitation.id, Invitation.email, Network.id, Network.name, Profile.name, Invitation.accepted_at)
        .join(Network, Network.id == Invitation.network_id)
        .outerjoin(Profile, Profile.member_id == Invitation.invited_by)
        .where(Invitation.id == invitation_id)
    )
    row = (await session.execute(query)).first()
    if row is None:
        return None
    ident, email, network_id, network_name, inviter, accepted_at = row
    return InvitationGlimpse(ident, email, network_id, network_name, inviter or "A host", accepted_at is not None)


async def network_name_in(session: AsyncSession, network_id: str) -> str | None:
    return await session.scalar(select(Network.name).where(Network.id == network_id))
