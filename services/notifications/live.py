"""New notifications pushed live: the consumer announces each batch (notifications.delivered, recipient ids only)
and every subscriber of those recipients reads its own newest notification and unread count."""

from collections.abc import AsyncIterator, Callable

from events.catalogue import read
from events.envelope import Event
from infra.context import RequestContext
from infra.errors import Unavailable
from services.notifications.events import Delivered
from services.notifications.queries import latest, unread_count
from services.notifications.tables import Notification

DELIVERED = "notifications.delivered"


def _for(member_id: str) -> Callable[[Event], bool]:
    return lambda event: event.type == DELIVERED and member_id in event.data.get("recipient_ids", ())


async def pushed(context: RequestContext, member_id: str) -> AsyncIterator[tuple[Notification, int]]:
    if context.broadcast is None:
        raise Unavailable("Live updates are not served by this process.")
    with context.broadcast.subscribe(_for(member_id)) as events:
        async for event in events:
            data = read(event, Delivered)
            async with context.db.sessions() as session:
                found = await latest(session, member_id, data.kind, data.subject)
                count = await unread_count(session, member_id)
            if found is not None:
                yield found, count
