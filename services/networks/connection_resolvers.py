"""GraphQL for connections between networks: proposing, answering, and listing a network's proposals."""

from datetime import datetime

import strawberry

from infra.context import Ctx
from services.networks import connections, tables
from services.networks.access import hosted_network
from services.networks.types import Network


@strawberry.type(description="A connection between two networks.")
class NetworkPartnership:
    row: strawberry.Private[tables.Connection]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field(description="proposed, accepted or declined.")
    def status(self) -> str:
        return self.row.status

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="The network whose host proposed.")
    async def proposer(self, info: Ctx) -> Network:
        return await _network(info, self.row.proposer_id)

    @strawberry.field(description="The network invited to connect.")
    async def partner(self, info: Ctx) -> Network:
        return await _network(info, self.row.partner_id)


async def _network(info: Ctx, network_id: str) -> Network:
    async with info.context.db.sessions() as session:
        return Network.of(await session.get_one(tables.Network, network_id))


@strawberry.type
class Query:
    @strawberry.field(description="A network's connections and proposals, either way (hosts only).")
    async def network_connections(self, info: Ctx, network_id: strawberry.ID) -> list[NetworkPartnership]:
        async with info.context.db.sessions() as session:
            await hosted_network(session, info.context.member(), network_id, "see its connections")
            rows = await session.scalars(connections.connections_of(network_id))
            return [NetworkPartnership(row=row) for row in rows]


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Proposes that your network connect with another (hosts only).")
    async def propose_network_connection(
        self, info: Ctx, network_id: strawberry.ID, partner_network_id: strawberry.ID
    ) -> NetworkPartnership:
        async with info.context.db.transaction() as session:
            row = await connections.propose(session, info.context.member(), network_id, partner_network_id)
        return NetworkPartnership(row=row)

    @strawberry.mutation(description="Accepts or declines a proposal to your network (its hosts only).")
    async def answer_network_connection(self, info: Ctx, id: strawberry.ID, accept: bool) -> NetworkPartnership:
        async with info.context.db.transaction() as session:
            return NetworkPartnership(row=await connections.answer(session, info.context.member(), id, accept))
