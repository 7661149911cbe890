"""The notifications service's GraphQL types."""

from datetime import datetime
from enum import Enum

import strawberry

from infra.pagination import Connection
from services.notifications import kinds
from services.notifications.tables import Notification as Row
from services.notifications.wording import text_of

# Functional Enums, built from kinds so the two cannot drift; mypy reads no members from them.
NotificationKind = strawberry.enum(Enum("NotificationKind", {k.name: k.value for k in kinds.Kind}))  # type: ignore[call-overload]
NotificationChannel = strawberry.enum(  # type: ignore[call-overload]
    Enum("NotificationChannel", {c.name: c.value for c in kinds.Channel}),
    description="IN_APP: in the app only; EMAIL: also mailed at once; DAILY/WEEKLY: in a digest email; OFF: nowhere.",
)


@strawberry.type
class Notification:
    id: strawberry.ID
    kind: NotificationKind  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
    text: str = strawberry.field(description="Who did what, naming the group it happened in; never its content.")
    path: str = strawberry.field(description="Where the web app shows what it is about.")
    actor_names: list[str]
    count: int = strawberry.field(description="How many events about one thing folded into it.")
    created_at: datetime
    updated_at: datetime
    read: bool

    @classmethod
    def of(cls, row: Row) -> "Notification":
        return cls(
            id=strawberry.ID(row.id),
            kind=NotificationKind(row.kind),
            text=text_of(row),
            path=row.path,
            actor_names=list(row.actor_names),
            count=row.count,
            created_at=row.created_at,
            updated_at=row.updated_at,
            read=row.read_at is not None,
        )


NotificationConnection = Connection[Notification]


@strawberry.type
class NotificationUpdate:
    notification: Notification
    unread_count: int


@strawberry.type
class NotificationPreference:
    kind: NotificationKind  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
    channel: NotificationChannel  # type: ignore[valid-type]  # an enum strawberry.enum(...) returns: mypy reads it as a value
