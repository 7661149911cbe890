"""Per-request DataLoaders for a feed page: each item's comment and reaction counts (asked of knowledge, which
keeps them with their audience)."""

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from services.feeds.tables import FeedItem
from services.knowledge import api as knowledge


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
