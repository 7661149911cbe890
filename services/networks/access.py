"""Who may do what in a network: the checks every networks command starts with.

Each check is one read filtered by what the viewer may see, so something hidden and something missing take the
same path, in the same time, to the same NotFound.
"""

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from events.audience import AudienceKind, ids_of
from infra.errors import Forbidden, NotFound
from infra.viewer import Viewer
from services.networks.tables import Membership, Network

ROLES = ("host", "coordinator", "member")


async def role_of(session: AsyncSession, network_id: str, member_id: str) -> str | None:
    query = select(Membership.role).where(Membership.network_id == network_id, Membership.member_id == member_id)
    return await session.scalar(query)


def network_ids_of(viewer: Viewer) -> list[str]:
    """The networks the viewer belongs to, as the request's circles say."""
    return ids_of(AudienceKind.NETWORK, viewer.audiences)


def hosted_by(member_id: str) -> Select[str]:
    """The ids of the networks a member hosts, as a select other services may filter their reads by."""
    return select(Membership.network_id).where(Membership.member_id == member_id, Membership.role == "host")


def hosts(viewer: Viewer, network_id: SQLColumnExpression[str]) -> ColumnElement[bool]:
    """Whether the viewer hosts the network of `network_id` (admins host every network)."""
    return true() if viewer.is_admin else network_id.in_(hosted_by(viewer.account_id))


async def network_and_role(session: AsyncSession, viewer: Viewer, network_id: str) -> tuple[Network, str | None]:
    """The network and the viewer's role in it, if the viewer may see it; a hidden network reads as missing."""
    mine = and_(Membership.network_id == Network.id, Membership.member_id == viewer.account_id)
    query = select(Network, Membership.role).outerjoin(Membership, mine).where(Network.id == network_id)
    if not viewer.is_admin:
        query = query.where(or_(Network.is_public, Membership.role.is_not(None)))
    found = (await session.execute(query)).first()
    if found is None:
        raise NotFound("No such network.")
    return found[0], found[1]


async def visible_network(session: AsyncSession, viewer: Viewer, network_id: str) -> Network:
    return (await network_and_role(session, viewer, network_id))[0]


async def hosted_network(session: AsyncSession, viewer: Viewer, network_id: str, doing: str) -> Network:
    network, role = await network_and_role(session, viewer, network_id)
    if not viewer.is_admin and role != "host":
        raise Forbidden(f"Only the network's hosts may {doing}.")
    return network


async def member_network(session: AsyncSession, viewer: Viewer, network_id: str, doing: str) -> Network:
    network, role = await network_and_role(session, viewer, network_id)
    if role is None:
        raise Forbidden(f"Only members of the network may {doing}.")
    return network


async def keep_a_host(session: AsyncSession, membership: Membership) -> None:
    """Refuses to take away `membership` as a host when it is the network's last one."""
    hosts = select(func.count()).where(Membership.network_id == membership.network_id, Membership.role == "host")
    if membership.role == "host" and (await session.scalar(hosts) or 0) <= 1:
        raise Forbidden("A network keeps at least one host.")
