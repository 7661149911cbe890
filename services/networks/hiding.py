"""Profiles as moderation sees them. A member may flag the profile of someone they share a network with; the flag
goes to the hosts of the oldest network the two share. Hidden, a profile shows others its name only (its member
and the hosts of its networks still read it, marked hidden) and its publication is None, so search leaves the
member out until restored."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.database import Database
from infra.errors import NotFound
from infra.flaggable import Flaggable
from infra.viewer import Viewer
from services.networks.access import network_ids_of
from services.networks.commands import record_profile
from services.networks.tables import Membership, Profile

NO_MEMBER = "No such member."


async def _shared_network(session: AsyncSession, viewer: Viewer, member_id: str) -> str | None:
    shared = select(Membership.network_id).where(
        Membership.member_id == member_id, Membership.network_id.in_(network_ids_of(viewer))
    )
    return await session.scalar(shared.order_by(Membership.joined_at, Membership.network_id).limit(1))


async def flaggable(db: Database, viewer: Viewer, kind: str, member_id: str) -> Flaggable:
    async with db.sessions() as session:
        network_id = await _shared_network(session, viewer, member_id)
        profile = await session.get(Profile, member_id)
    if network_id is None or profile is None or member_id in viewer.blocked:
        raise NotFound(NO_MEMBER)
    excerpt = "\n\n".join(part for part in (profile.name, profile.bio, profile.offers, profile.seeks) if part)
    return Flaggable(
        "profile", member_id, network_id, member_id, (audience.network(network_id),), excerpt, profile.updated_at
    )


async def set_hidden(session: AsyncSession, kind: str, member_id: str, hidden: bool) -> None:
    profile = await session.get(Profile, member_id)
    if profile is None:
        return
    profile.hidden = hidden
    await record_profile(session, profile)
