"""Who may do what in a network: the checks every networks command starts with."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.errors import Forbidden, NotFound
from infra.viewer import Viewer
from services.networks.tables import Membership, Network

ROLES = ("host", "coordinator", "member")


async def role_of(session: AsyncSession, network_id: str, member_id: str) -> str | None:
    query = select(Membership.role).where(Membership.network_id == network_id, Membership.member_id == member_id)
    return await session.scalar(query)


async def visible_network(session: AsyncSession, viewer: Viewer, network_id: str) -> Network:
    """The network, if the viewer may see it; a hidden network is reported as missing."""
    network = await session.get(Network, network_id)
    if network is None or not (
        network.is_public or viewer.is_admin or await role_of(session, network_id, viewer.account_id)
    ):
        raise NotFound("No such network.")
    return network


async def hosted_network(session: AsyncSession, viewer: Viewer, network_id: str, doing: str) -> Network:
    network = await visible_network(session, viewer, network_id)
    if not viewer.is_admin and await role_of(session, network_id, viewer.account_id) != "host":
        raise Forbidden(f"Only the network's hosts may {doing}.")
    return network


async def member_network(session: AsyncSession, viewer: Viewer, network_id: str, doing: str) -> Network:
    network = await visible_network(session, viewer, network_id)
    if await role_of(session, network_id, viewer.account_id) is None:
        raise Forbidden(f"Only members of the network may {doing}.")
    return network
