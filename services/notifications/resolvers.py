"""The notifications service's part of the GraphQL schema: the inbox, its unread count, marking read,
preferences, and the live stream of new notifications."""

from collections.abc import AsyncGenerator

import strawberry

from infra.context import Ctx, RequestContext
from infra.pagination import paged
from services.notifications import commands, live, queries
from services.notifications.kinds import Channel, Kind
from services.notifications.preferences import choices_of
from services.notifications.types import (
    Notification,
    NotificationChannel,
    NotificationConnection,
    NotificationKind,
    NotificationPreference,
    NotificationUpdate,
)


async def _unread(context: RequestContext) -> int:
    async with context.db.sessions() as session:
        return await queries.unread_count(session, context.member().account_id)


async def _preferences(context: RequestContext) -> list[NotificationPreference]:
    async with context.db.sessions() as session:
        chosen = await choices_of(session, context.member().account_id)
    return [
        NotificationPreference(kind=NotificationKind(k.value), channel=NotificationChannel(c.value))
        for k, c in chosen.items()
    ]


@strawberry.type
class Query:
    @strawberry.field(description="Your notifications, newest first.")
    async def notifications(self, info: Ctx, first: int = 20, after: str | None = None) -> NotificationConnection:
        query = queries.inbox_of(info.context.member().account_id)
        return await paged(info.context.db, query, first, after, Notification.of)

    @strawberry.field
    async def unread_notification_count(self, info: Ctx) -> int:
        return await _unread(info.context)

    @strawberry.field(description="How each kind of notification reaches you.")
    async def notification_preferences(self, info: Ctx) -> list[NotificationPreference]:
        return await _preferences(info.context)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Marks the given notifications (or all: true) read; returns the unread count.")
    async def mark_notifications_read(
        self, info: Ctx, ids: list[strawberry.ID] | None = None, all: bool = False
    ) -> int:
        async with info.context.db.transaction() as session:
            await commands.mark_read(session, info.context.member().account_id, ids, all)
        return await _unread(info.context)

    @strawberry.mutation(description="Chooses how one kind of notification reaches you.")
    async def set_notification_preference(
        self,
        info: Ctx,
        kind: NotificationKind,
        channel: NotificationChannel,
    ) -> list[NotificationPreference]:
        async with info.context.db.transaction() as session:
            await commands.choose(session, info.context.member().account_id, Kind(kind.value), Channel(channel.value))
        return await _preferences(info.context)


@strawberry.type
class Subscription:
    @strawberry.subscription(description="Your new notifications as they arrive, each with your unread count.")
    async def notification_updates(self, info: Ctx) -> AsyncGenerator[NotificationUpdate, None]:
        async for row, count in live.pushed(info.context, info.context.member().account_id):
            yield NotificationUpdate(notification=Notification.of(row), unread_count=count)
