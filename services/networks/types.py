"""GraphQL object types of the networks service."""

from datetime import datetime

import strawberry
from strawberry.types import Info

from events import audience
from infra import pagination
from infra.context import RequestContext
from infra.errors import Forbidden
from infra.pagination import Connection
from services.networks import api as networks_api
from services.networks import connections, loaders, queries, tables

Ctx = Info[RequestContext, None]


def _sees_inside(context: RequestContext, network_id: str) -> bool:
    viewer = context.viewer
    return viewer is not None and (viewer.is_admin or audience.network(network_id) in viewer.audiences)


def require_inside(context: RequestContext, network_id: str) -> None:
    if not _sees_inside(context, network_id):
        raise Forbidden("Only members of the network see this.")


def paged(context: RequestContext, query, first: int | None, after: str | None, wrap):  # type: ignore[no-untyped-def]
    return pagination.paged(context.db, query, first, after, wrap)


@strawberry.type
class Member:
    # Plain fields, filled from the profile row at once: a resolver per field costs a page of 20 several ms.
    id: strawberry.ID
    name: str
    bio: str
    practice_areas: list[str]
    offers: str = strawberry.field(description="What they can offer as a mentor.")
    seeks: str = strawberry.field(description="What they seek from mentoring.")

    @classmethod
    def of(cls, row: tables.Profile) -> "Member":
        return cls(id=strawberry.ID(row.member_id), name=row.name, bio=row.bio, practice_areas=row.practice_areas,
                   offers=row.offers, seeks=row.seeks)  # fmt: skip

    @strawberry.field(description="Their local groups, in networks you belong to.")
    async def local_groups(self, info: Ctx) -> list["LocalGroup"]:
        groups = await info.context.loader(loaders.local_groups_by_member).load(self.id)
        return [LocalGroup(row=g) for g in groups if _sees_inside(info.context, g.network_id)]


@strawberry.type
class LocalGroup:
    row: strawberry.Private[tables.LocalGroup]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    def place(self) -> str:
        return self.row.place

    @strawberry.field
    def description(self) -> str:
        return self.row.description

    @strawberry.field
    def practice_areas(self) -> list[str]:
        return self.row.practice_areas

    @strawberry.field
    async def network(self, info: Ctx) -> "Network":
        row = await info.context.loader(loaders.networks_by_id).load(self.row.network_id)
        return Network(row=row)  # type: ignore[arg-type]

    @strawberry.field
    async def members(self, info: Ctx, first: int | None = 20, after: str | None = None) -> Connection[Member]:
        require_inside(info.context, self.row.network_id)
        return await paged(info.context, queries.local_group_members(self.row.id), first, after, Member.of)


@strawberry.type
class Network:
    row: strawberry.Private[tables.Network]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    def description(self) -> str:
        return self.row.description

    @strawberry.field
    def is_public(self) -> bool:
        return self.row.is_public

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="Your role here: host, coordinator or member; null when you are not a member.")
    async def viewer_role(self, info: Ctx) -> str | None:
        viewer = info.context.viewer
        return await networks_api.role_in(info.context.db, self.row.id, viewer.account_id) if viewer else None

    @strawberry.field
    async def members(self, info: Ctx, first: int | None = 20, after: str | None = None) -> Connection[Member]:
        require_inside(info.context, self.row.id)
        return await paged(info.context, queries.network_members(self.row.id), first, after, Member.of)

    @strawberry.field
    async def local_groups(self, info: Ctx, first: int | None = 20, after: str | None = None) -> Connection[LocalGroup]:
        require_inside(info.context, self.row.id)
        return await paged(
            info.context, queries.local_groups_of(self.row.id), first, after, lambda r: LocalGroup(row=r)
        )

    @strawberry.field(description="Networks connected to this one (both hosts agreed).")
    async def connected_networks(self, info: Ctx) -> list["Network"]:
        require_inside(info.context, self.row.id)
        async with info.context.db.sessions() as session:
            return [Network(row=row) for row in await connections.connected_networks(session, self.row.id)]
