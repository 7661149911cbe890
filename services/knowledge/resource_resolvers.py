"""Resources in the GraphQL schema: the shelf, adding (with merging), contributions and ratings."""

import strawberry

from infra.context import Ctx
from infra.pagination import Connection, paged
from services.knowledge import queries, resources, wiki
from services.knowledge.access import member_of, readable_resource
from services.knowledge.resource_types import Contribution, Resource, ResourceAdded
from services.knowledge.types import ContributionKind, ResourceKind
from services.networks import api as networks


@strawberry.input
class ResourceInput:
    kind: ResourceKind
    title: str
    url: str | None = None
    authors: list[str] = strawberry.field(default_factory=list)
    year: int | None = None
    description: str = ""
    practice_areas: list[str] = strawberry.field(default_factory=list)

    def draft(self) -> resources.ResourceDraft:
        return resources.ResourceDraft(
            self.kind.value,
            self.title,
            self.url,
            tuple(self.authors),
            self.year,
            self.description,
            tuple(self.practice_areas),
        )


async def shelf(info: Ctx, network_id: str, platform_wide: bool) -> resources.Shelf:
    """Network-wide resources reach the network and every network connected to it."""
    member_of(info.context.member(), network_id)
    db = info.context.db
    networks_reached = [network_id, *await networks.connected_network_ids(db, network_id)]
    reach = ["platform"] if platform_wide else [f"network:{n}" for n in networks_reached]
    return resources.Shelf(network_id, frozenset(await networks.practice_areas(db, network_id)), reach)


@strawberry.type
class Query:
    @strawberry.field(description="Resources you may see, by title.")
    async def resources(
        self,
        info: Ctx,
        network_id: strawberry.ID | None = None,
        kind: ResourceKind | None = None,
        practice_area: str | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Resource]:
        filters = queries.Filters(network_id, practice_area, kind.value if kind else None)
        query = queries.visible_resources(info.context.member(), filters)
        return await paged(info.context.db, query, first, after, Resource.of)

    @strawberry.field(description="A resource you may see, with what members added to it.")
    async def resource(self, info: Ctx, id: strawberry.ID) -> Resource:
        async with info.context.db.sessions() as session:
            return Resource.of(await readable_resource(session, info.context.member(), id))


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Adds a resource to a network's shelf; a duplicate URL or title is merged.")
    async def add_resource(
        self, info: Ctx, network_id: strawberry.ID, resource: ResourceInput, platform_wide: bool = False
    ) -> ResourceAdded:
        where = await shelf(info, network_id, platform_wide)
        async with info.context.db.transaction() as session:
            row, merged = await resources.add_resource(session, info.context.member(), where, resource.draft())
        return ResourceAdded(resource=Resource.of(row), merged=merged)

    @strawberry.mutation(description="Adds your signed experience or evaluation finding to a resource.")
    async def contribute_to_resource(
        self, info: Ctx, resource_id: strawberry.ID, kind: ContributionKind, text: str
    ) -> Contribution:
        viewer = info.context.member()
        async with info.context.db.transaction() as session:
            row = await readable_resource(session, viewer, resource_id)
            return Contribution.of(await wiki.contribute(session, viewer, row, kind.value, text))

    @strawberry.mutation(description="Rates a resource 1-5; rating again changes your rating.")
    async def rate_resource(self, info: Ctx, resource_id: strawberry.ID, stars: int) -> Resource:
        viewer = info.context.member()
        async with info.context.db.transaction() as session:
            row = await readable_resource(session, viewer, resource_id)
            await wiki.rate(session, viewer, row, stars)
        return Resource.of(row)
