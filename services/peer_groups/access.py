"""Who may do what with a group: members see it; only members who accepted its current contract enter it;
a network's hosts and coordinators see that groups keep meeting, never what is said in them."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.database import Database
from infra.errors import Forbidden, NotFound
from infra.viewer import Viewer
from services.networks import api as networks
from services.peer_groups.tables import GroupMember, PeerGroup

COORDINATING = ("host", "coordinator")
NO_GROUP = "No such peer group."


@dataclass(frozen=True)
class Actor:
    """The member acting, and where to ask the networks service about their roles."""

    viewer: Viewer
    db: Database

    @property
    def id(self) -> str:
        return self.viewer.account_id

    async def role_in(self, network_id: str, member_id: str | None = None) -> str | None:
        """The role of `member_id` (the actor by default) in the network, or None for outsiders."""
        return await networks.role_in(self.db, network_id, member_id or self.id)

    async def coordinates(self, network_id: str) -> bool:
        return await self.role_in(network_id) in COORDINATING

    async def coordinated(self) -> list[str]:
        """The networks the actor hosts or coordinates, asked of all their networks: the same work whatever is
        asked about, so a hidden thing and a missing one cost the same."""
        networks_in = audience.ids_of(audience.AudienceKind.NETWORK, self.viewer.audiences)
        return [network for network in networks_in if await self.coordinates(network)]


async def member_group(session: AsyncSession, member_id: str, group_id: str) -> tuple[PeerGroup, GroupMember]:
    """The group and the member's place in it; to anyone else the group does not exist."""
    seat = await session.get(GroupMember, (group_id, member_id))
    if seat is None:
        raise NotFound(NO_GROUP)
    return await session.get_one(PeerGroup, group_id), seat


def open_seat(member_id: str) -> ColumnElement[bool]:
    """Join condition of the member's seat in the query's group, with its current contract accepted: reads that
    join it find only what the member may see, so a hidden row and a missing one take the same path."""
    return and_(
        GroupMember.group_id == PeerGroup.id,
        GroupMember.member_id == member_id,
        GroupMember.accepted_version == PeerGroup.contract_version,
    )


def said_since_seated(written_at: SQLColumnExpression[datetime]) -> ColumnElement[bool]:
    """What was written at or after the joined seat's `sees_from` (all of it when the history is open to them)."""
    return or_(GroupMember.sees_from.is_(None), written_at >= GroupMember.sees_from)


def has_accepted(group: PeerGroup, seat: GroupMember) -> bool:
    return seat.accepted_version == group.contract_version


async def entered_group(session: AsyncSession, member_id: str, group_id: str) -> tuple[PeerGroup, GroupMember]:
    """The group and the seat of a member who accepted its current contract."""
    group, seat = await member_group(session, member_id, group_id)
    if not has_accepted(group, seat):
        raise Forbidden("Accept the group's contract first; until then you see only the contract.")
    return group, seat


async def open_group(session: AsyncSession, member_id: str, group_id: str) -> PeerGroup:
    return (await entered_group(session, member_id, group_id))[0]


async def coordinated_network(actor: Actor, network_id: str, doing: str) -> None:
    role = await actor.role_in(network_id)
    if role is None:
        raise NotFound("No such network.")
    if role not in COORDINATING:
        raise Forbidden(f"Only the network's hosts and coordinators may {doing}.")
