"""Per-request DataLoaders for a feed page: each item's local group (from the feeds projection), each author's
local groups (asked of networks, only in networks the viewer belongs to, as a member's profile shows them), and
each item's comment and reaction counts (asked of knowledge, which keeps them with their audience)."""

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from events import audience
from infra.context import RequestContext
from services.feeds.tables import FeedItem, FeedLocalGroup
from services.knowledge import api as knowledge
from services.networks import api as networks


def item_groups(context: RequestContext) -> DataLoader[str, FeedLocalGroup | None]:
    async def load(ids: list[str]) -> list[FeedLocalGroup | None]:
        async with context.db.sessions() as session:
            rows = await session.scalars(select(FeedLocalGroup).where(FeedLocalGroup.id.in_(ids)))
            found = {group.id: group for group in rows if not group.gone}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


def author_groups(context: RequestContext) -> DataLoader[str, list[networks.LocalGroupSummary]]:
    async def load(member_ids: list[str]) -> list[list[networks.LocalGroupSummary]]:
        found = await networks.local_groups_of_members(context.db, member_ids)
        seen = context.viewer_audiences
        return [[g for g in found[m] if audience.network(g.network_id) in seen] for m in member_ids]

    return DataLoader(load_fn=load)


def responses(context: RequestContext) -> DataLoader[str, knowledge.Responses]:
    """Keys are ids of items that take responses (stories, resources, harvests); counted against the audience
    each item reaches now, as the feeds projection holds it."""

    async def load(ids: list[str]) -> list[knowledge.Responses]:
        async with context.db.sessions() as session:
            rows = await session.execute(select(FeedItem.id, FeedItem.audience).where(FeedItem.id.in_(ids)))
            reach = {ident: list(keys) for ident, keys in rows.all()}
        counted = await knowledge.response_counts(context.db, context.member(), reach)
        return [counted.get(i, knowledge.Responses()) for i in ids]

    return DataLoader(load_fn=load)
