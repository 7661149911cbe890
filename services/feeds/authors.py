"""Who shared a feed item and in which local group: nested in a feed page, loaded once per page.

An item's own local group comes from the feeds projection (its reason already names it). An author's local
groups are asked of networks, and shown only in networks the viewer belongs to, as a member's profile shows them.
"""

import strawberry
from sqlalchemy import select
from strawberry.dataloader import DataLoader

from events import audience
from infra.context import Ctx, RequestContext
from services.feeds.tables import FeedLocalGroup
from services.networks import api as networks


@strawberry.type(name="FeedLocalGroup", description="A local group, as a feed shows it.")
class FeedGroup:
    id: strawberry.ID
    name: str
    network_id: strawberry.ID


def _group(ident: str, name: str, network_id: str) -> FeedGroup:
    return FeedGroup(id=strawberry.ID(ident), name=name, network_id=strawberry.ID(network_id))


def item_groups(context: RequestContext) -> DataLoader[str, FeedGroup | None]:
    async def load(ids: list[str]) -> list[FeedGroup | None]:
        async with context.db.sessions() as session:
            rows = await session.scalars(select(FeedLocalGroup).where(FeedLocalGroup.id.in_(ids)))
            found = {g.id: _group(g.id, g.name, g.network_id) for g in rows if not g.gone}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


def author_groups(context: RequestContext) -> DataLoader[str, list[FeedGroup]]:
    async def load(member_ids: list[str]) -> list[list[FeedGroup]]:
        found = await networks.local_groups_of_members(context.db, member_ids)
        seen = context.viewer_audiences
        return [[_group(g.id, g.name, g.network_id) for g in found[m] if audience.network(g.network_id) in seen]
                for m in member_ids]  # fmt: skip

    return DataLoader(load_fn=load)


@strawberry.type(description="The member who shared an item.")
class FeedAuthor:
    id: strawberry.ID
    name: str

    @strawberry.field(description="Their local groups, in networks you belong to.")
    async def local_groups(self, info: Ctx) -> list[FeedGroup]:
        return await info.context.loader(author_groups).load(self.id)
