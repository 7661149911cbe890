"""GraphQL object types of the networks service."""

from collections.abc import Callable
from datetime import datetime

import strawberry

from events import audience
from infra.context import Ctx, RequestContext
from infra.errors import Forbidden
from infra.pagination import Connection, paged
from infra.rows import RowShaped
from services.networks import api as networks_api
from services.networks import connections, loaders, queries, tables


def _sees_inside(context: RequestContext, network_id: str) -> bool:
    viewer = context.viewer
    return viewer is not None and (viewer.is_admin or audience.network(network_id) in viewer.audiences)


def require_inside(context: RequestContext, network_id: str) -> None:
    if not _sees_inside(context, network_id):
        raise Forbidden("Only members of the network see this.")


@strawberry.type
class Member:
    # Plain fields, filled from the profile row at once: a resolver per field costs a page of 20 several ms.
    id: strawberry.ID
    name: str
    bio: str
    practice_areas: list[str]
    offers: str = strawberry.field(description="What they can offer as a mentor.")
    seeks: str = strawberry.field(description="What they seek from mentoring.")
    hidden: bool = strawberry.field(description="Hidden by a reviewer: others see the name only.")

    @classmethod
    def of(cls, row: tables.Profile, sees_hidden: bool = False) -> "Member":
        """A hidden profile shows its words only to those who `sees_hidden` (its member, its networks' hosts)."""
        shown = not row.hidden or sees_hidden
        return cls(
            id=strawberry.ID(row.member_id),
            name=row.name,
            bio=row.bio if shown else "",
            practice_areas=row.practice_areas if shown else [],
            offers=row.offers if shown else "",
            seeks=row.seeks if shown else "",
            hidden=row.hidden,
        )

    @classmethod
    def seen_by(cls, context: RequestContext) -> Callable[[tables.Profile], "Member"]:
        viewer_id = context.viewer.account_id if context.viewer else None
        return lambda row: cls.of(row, row.member_id == viewer_id)

    @strawberry.field(description="Their local groups, in networks you belong to.")
    async def local_groups(self, info: Ctx) -> list["LocalGroup"]:
        groups = await info.context.loader(loaders.local_groups_by_member).load(self.id)
        return [LocalGroup.of(g) for g in groups if _sees_inside(info.context, g.network_id)]


@strawberry.type
class LocalGroup:
    id: strawberry.ID
    name: str
    place: str
    description: str
    practice_areas: list[str]
    network_id: strawberry.Private[str]

    @classmethod
    def of(cls, row: tables.LocalGroup) -> "LocalGroup":
        return cls(
            id=strawberry.ID(row.id),
            name=row.name,
            place=row.place,
            description=row.description,
            practice_areas=row.practice_areas,
            network_id=row.network_id,
        )

    @strawberry.field
    async def network(self, info: Ctx) -> "Network":
        row = await info.context.loader(loaders.networks_by_id).load(self.network_id)
        assert row is not None, "a local group's network is never deleted before it"
        return Network.of(row)

    @strawberry.field
    async def members(self, info: Ctx, first: int | None = 20, after: str | None = None) -> Connection[Member]:
        require_inside(info.context, self.network_id)
        unseen = info.context.viewer.blocked if info.context.viewer else frozenset()
        return await paged(
            info.context.db, queries.local_group_members(self.id, unseen), first, after, Member.seen_by(info.context)
        )


@strawberry.type
class Network(RowShaped):
    id: strawberry.ID
    name: str
    description: str
    is_public: bool
    created_at: datetime

    @strawberry.field(description="Your role here: host, coordinator or member; null when you are not a member.")
    async def viewer_role(self, info: Ctx) -> str | None:
        viewer = info.context.viewer
        return await networks_api.role_in(info.context.db, self.id, viewer.account_id) if viewer else None

    # Nullable, as are the next two: in a list of networks, one the viewer is outside of refuses only its own part.
    @strawberry.field
    async def members(self, info: Ctx, first: int | None = 20, after: str | None = None) -> Connection[Member] | None:
        require_inside(info.context, self.id)
        unseen = info.context.viewer.blocked if info.context.viewer else frozenset()
        return await paged(
            info.context.db, queries.network_members(self.id, unseen), first, after, Member.seen_by(info.context)
        )

    @strawberry.field
    async def local_groups(
        self, info: Ctx, first: int | None = 20, after: str | None = None
    ) -> Connection[LocalGroup] | None:
        require_inside(info.context, self.id)
        return await paged(info.context.db, queries.local_groups_of(self.id), first, after, LocalGroup.of)

    @strawberry.field(description="Networks connected to this one (both hosts agreed).")
    async def connected_networks(self, info: Ctx) -> list["Network"] | None:
        require_inside(info.context, self.id)
        async with info.context.db.sessions() as session:
            return [Network.of(row) for row in await connections.connected_networks(session, self.id)]
