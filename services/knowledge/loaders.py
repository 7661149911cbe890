"""Per-request DataLoaders; each batch opens its own session, since Strawberry resolves siblings concurrently."""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from services.knowledge.tables import Comment, Contribution, Rating, Reaction, StoryRevision


def _grouped(context: RequestContext, column: Any, order: Any) -> Callable[[list[str]], Any]:
    """A batch function returning, per key, the rows whose `column` equals it."""

    async def load(keys: list[str]) -> list[list[Any]]:
        found: dict[str, list[Any]] = defaultdict(list)
        query = select(column.class_).where(column.in_(keys)).order_by(order)
        async with context.db.sessions() as session:
            for row in await session.scalars(query):
                found[getattr(row, column.key)].append(row)
        return [found[key] for key in keys]

    return load


def comments_by_target(context: RequestContext) -> DataLoader[str, list[Comment]]:
    return DataLoader(load_fn=_grouped(context, Comment.target_id, Comment.created_at))


def reactions_by_target(context: RequestContext) -> DataLoader[str, list[Reaction]]:
    return DataLoader(load_fn=_grouped(context, Reaction.target_id, Reaction.reacted_at))


def contributions_by_resource(context: RequestContext) -> DataLoader[str, list[Contribution]]:
    return DataLoader(load_fn=_grouped(context, Contribution.resource_id, Contribution.created_at))


def ratings_by_resource(context: RequestContext) -> DataLoader[str, list[Rating]]:
    return DataLoader(load_fn=_grouped(context, Rating.resource_id, Rating.rated_at))


def revisions_by_story(context: RequestContext) -> DataLoader[str, list[StoryRevision]]:
    return DataLoader(load_fn=_grouped(context, StoryRevision.story_id, StoryRevision.number))
