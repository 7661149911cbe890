"""Connections between networks: a host of one proposes, a host of the other accepts or declines.

Connected networks receive each other's published harvests and network-wide resources.
"""

from sqlalchemy import ColumnElement, Select, and_, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, Forbidden, InvalidInput, NotFound
from infra.viewer import Viewer
from services.networks import events as ev
from services.networks.access import hosted_network, hosts, role_of, visible_network
from services.networks.tables import Connection, Network


def _between(a: str, b: str) -> ColumnElement[bool]:
    return or_(
        and_(Connection.proposer_id == a, Connection.partner_id == b),
        and_(Connection.proposer_id == b, Connection.partner_id == a),
    )


def _record(session: AsyncSession, connection: Connection, kind: type[ev.ConnectionEvent]) -> None:
    data = kind(connection_id=connection.id, proposer_id=connection.proposer_id, partner_id=connection.partner_id)
    keys = [audience.network(connection.proposer_id), audience.network(connection.partner_id)]
    record(session, [new_event(data, connection.id, keys, connection.proposer_id)])


async def propose(session: AsyncSession, viewer: Viewer, network_id: str, partner_id: str) -> Connection:
    network = await hosted_network(session, viewer, network_id, "connect it to other networks")
    # A private network is found only by its own members: to anyone else it does not exist.
    partner_id = (await visible_network(session, viewer, partner_id)).id
    if partner_id == network.id:
        raise InvalidInput("A network cannot connect to itself.")
    if await session.scalar(
        select(Connection.id).where(_between(network.id, partner_id), Connection.status != "declined")
    ):
        raise Conflict("These networks are connected already, or a proposal waits for an answer.")
    await session.execute(delete(Connection).where(_between(network.id, partner_id)))
    connection = Connection(
        proposer_id=network.id, partner_id=partner_id, proposed_by=viewer.account_id, created_at=utcnow()
    )
    session.add(connection)
    await session.flush()
    _record(session, connection, ev.ConnectionProposed)
    return connection


async def hosted_connection(session: AsyncSession, viewer: Viewer, connection_id: str) -> Connection:
    """The connection, if the viewer hosts one of its networks; to anyone else it does not exist."""
    hosting = or_(hosts(viewer, Connection.proposer_id), hosts(viewer, Connection.partner_id))
    connection = await session.scalar(select(Connection).where(Connection.id == connection_id, hosting))
    if connection is None:
        raise NotFound("No such network connection.")
    return connection


async def answer(session: AsyncSession, viewer: Viewer, connection_id: str, accept: bool) -> Connection:
    connection = await hosted_connection(session, viewer, connection_id)
    if await role_of(session, connection.partner_id, viewer.account_id) != "host":
        raise Forbidden("Only the hosts of the invited network may answer.")
    if connection.status != "proposed":
        raise Conflict("This proposal was answered already.")
    connection.status = "accepted" if accept else "declined"
    connection.answered_at = utcnow()
    _record(session, connection, ev.ConnectionMade if accept else ev.ConnectionDeclined)
    return connection


def connections_of(network_id: str) -> Select[Connection]:
    mine = or_(Connection.proposer_id == network_id, Connection.partner_id == network_id)
    return select(Connection).where(mine).order_by(Connection.created_at, Connection.id)


async def connected_ids(session: AsyncSession, network_id: str) -> list[str]:
    rows = await session.scalars(connections_of(network_id).where(Connection.status == "accepted"))
    return [c.partner_id if c.proposer_id == network_id else c.proposer_id for c in rows]


async def connected_networks(session: AsyncSession, network_id: str) -> list[Network]:
    ids = await connected_ids(session, network_id)
    return list(await session.scalars(select(Network).where(Network.id.in_(ids)).order_by(Network.name)))
