"""New notifications pushed live: the consumer announces each batch (notifications.delivered, recipient ids only)
and every subscriber of those recipients reads its own newest notification and unread count."""

from collections.abc import AsyncIterator, Callable

from events.catalogue import read
from events.envelope import Event
from infra.context import RequestContext
from infra.errors import Unavailable
from infra.tasks import completed
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
            found, count = await completed(_newest(context, member_id, read(event, Delivered)))
            if found is not None:
                yield found, count


async def _newest(context: RequestContext, member_id: str, data: Delivered) -> tuple[Notification | None, int]:
    """Run to its end even when the socket closes meanwhile (infra.tasks says why)."""
    async with context.db.sessions() as session:
        return await latest(session, member_id, data.kind, data.subject), await unread_count(session, member_id)
