"""The `notifications` consumer group: events in, notifications (and queued emails, and due jobs) out.

Run by the same runner as search and feeds: idempotent by event id, replay-safe (inbox.py folds by event time,
jobs are planned by key), dead letters for what keeps failing.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from events.consumer import Consumer
from events.envelope import Event
from services.notifications.gatherings import GATHERING_READINGS
from services.notifications.happenings import READINGS
from services.notifications.inbox import notify
from services.notifications.invitations import NETWORK_READINGS
from services.notifications.personal import ERASED, forget_member

SOURCES = ("peer_groups", "harvests", "gatherings", "knowledge", "networks", "moderation", "data_rights")
ALL_READINGS = {**READINGS, **NETWORK_READINGS, **GATHERING_READINGS}


async def handle(event: Event, session: AsyncSession) -> None:
    if event.type == ERASED:
        await forget_member(event, session)
    if reading := ALL_READINGS.get(event.type):
        read = await reading(event, session)
        for notice, recipients in read if isinstance(read, list) else [read] if read else []:
            await notify(session, notice, recipients)


def consumer(sources: tuple[str, ...] = SOURCES) -> Consumer:
    return Consumer(name="notifications", handle=handle, sources=sources)
