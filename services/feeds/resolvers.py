"""The feeds service's part of the GraphQL schema: the feed, its marks and interests, suggestions, live items."""

from collections.abc import AsyncGenerator

import strawberry
from sqlalchemy import select

from infra.context import Ctx, RequestContext
from infra.errors import InvalidInput
from infra.pagination import MAX_PAGE
from infra.tasks import completed
from services.feeds import commands, live, prepared, queries
from services.feeds.outlook import outlook_of
from services.feeds.places import places_of
from services.feeds.tables import Interest
from services.feeds.types import (
    FeedConnection,
    FeedInterest,
    FeedItem,
    InterestKind,
    Stance,
    SuggestedGroup,
    connection,
    decode_cursor,
    item,
    suggestion,
)


async def _interests(context: RequestContext) -> list[FeedInterest]:
    async with context.db.sessions() as session:
        rows = await session.scalars(
            select(Interest).where(Interest.member_id == context.member().account_id).order_by(Interest.kind)
        )
        return [
            FeedInterest(kind=InterestKind(r.kind), id=strawberry.ID(r.target), stance=Stance(r.stance)) for r in rows
        ]


async def _choose(
    info: Ctx, kind: commands.InterestKind, id: str, stance: commands.Stance, on: bool
) -> list[FeedInterest]:
    async with info.context.db.transaction() as session:
        await commands.choose(session, info.context.member(), kind, id, stance, on)
    return await _interests(info.context)


@strawberry.type
class Query:
    @strawberry.field(description="Your learning feed: your own groups first, then groups working on your themes.")
    async def feed(self, info: Ctx, first: int = 20, after: str | None = None) -> FeedConnection:
        viewer = info.context.member()
        if not 0 <= first <= MAX_PAGE:
            raise InvalidInput(f"first must be between 0 and {MAX_PAGE}.")
        cursor = decode_cursor(after) if after else None
        page = await prepared.feed_page(info.context.db, viewer, first, cursor)
        return connection(page.ranked, first, after, page.places)

    @strawberry.field(description="Other local groups of your networks working on the practice areas you work on.")
    async def groups_like_yours(self, info: Ctx, first: int = 5) -> list[SuggestedGroup]:
        viewer = info.context.member()
        async with info.context.db.sessions() as session:
            outlook = await outlook_of(session, viewer.account_id, viewer.audiences, viewer.sees_from)
            found = await queries.groups_like_yours(session, outlook, max(0, min(first, MAX_PAGE)))
        return [suggestion(group, shared) for group, shared in found]

    @strawberry.field(description="The practice areas, local groups and networks you follow or mute.")
    async def feed_interests(self, info: Ctx) -> list[FeedInterest]:
        return await _interests(info.context)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Marks a feed item seen: it drops below the unseen ones.")
    async def mark_seen(self, info: Ctx, item_id: strawberry.ID) -> strawberry.ID:
        async with info.context.db.transaction() as session:
            await commands.mark(session, info.context.member(), item_id, dismissed=False)
        return item_id

    @strawberry.mutation(description="Takes an item out of your feed.")
    async def dismiss(self, info: Ctx, item_id: strawberry.ID) -> strawberry.ID:
        async with info.context.db.transaction() as session:
            await commands.mark(session, info.context.member(), item_id, dismissed=True)
        return item_id

    @strawberry.mutation(description="Ranks up what comes from a practice area, local group or network.")
    async def follow(self, info: Ctx, kind: InterestKind, id: strawberry.ID) -> list[FeedInterest]:  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
        return await _choose(info, kind, id, commands.Stance.FOLLOW, True)

    @strawberry.mutation
    async def unfollow(self, info: Ctx, kind: InterestKind, id: strawberry.ID) -> list[FeedInterest]:  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
        return await _choose(info, kind, id, commands.Stance.FOLLOW, False)

    @strawberry.mutation(description="Leaves out what comes from a practice area, local group or network.")
    async def mute(self, info: Ctx, kind: InterestKind, id: strawberry.ID) -> list[FeedInterest]:  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
        return await _choose(info, kind, id, commands.Stance.MUTE, True)

    @strawberry.mutation
    async def unmute(self, info: Ctx, kind: InterestKind, id: strawberry.ID) -> list[FeedInterest]:  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
        return await _choose(info, kind, id, commands.Stance.MUTE, False)


@strawberry.type
class Subscription:
    @strawberry.subscription(description="New items of your feed as they are shared, only what you may see.")
    async def feed_items(self, info: Ctx) -> AsyncGenerator[FeedItem, None]:
        viewer = info.context.member()
        async for found in live.pushed(info.context, viewer):
            # Run to its end even when the socket closes meanwhile (infra.tasks says why).
            yield item(found, await completed(places_of(info.context.db, viewer.audiences, [found[0]])))
