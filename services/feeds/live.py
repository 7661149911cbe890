"""New feed items pushed live to a subscriber, from this process's Broadcast of the bus's live tail.

A subscription lives as long as its WebSocket, so the viewer's keys from connection time may go stale. Each
pushed item is checked against the session (still open) and the member's circles as they are now
(access.current_keys). The item is built
from the event's own publication, so it is pushed without waiting for the projector.
"""

from collections.abc import AsyncIterator

from events import audience
from events.envelope import Event
from events.keys import opened
from events.publication import Publication
from infra.context import RequestContext
from infra.errors import Unavailable
from infra.tasks import completed
from infra.viewer import Viewer
from services.accounts import api as accounts
from services.feeds import tables
from services.feeds.access import current_keys, current_late_seats
from services.feeds.items import ITEM_KINDS, copy, falls_due
from services.feeds.outlook import Placement, outlook_of
from services.feeds.ranking import place


def _published(event: Event) -> Publication | None:
    raw = event.data.get("publication")
    publication = Publication.model_validate(raw) if raw is not None else None
    return publication if publication is not None and publication.kind in ITEM_KINDS else None


async def placed(context: RequestContext, viewer: Viewer, event: Event) -> tuple[tables.FeedItem, Placement] | None:
    async with context.db.sessions() as session:
        await accounts.still_signed_in(session, context.session_token)
        [event] = await opened(session, [event])
    publication = _published(event)
    keys = await current_keys(context.db, viewer.account_id)
    if publication is None or not audience.may_see(event.audience, keys):
        return None
    item = tables.FeedItem(id=event.subject, published_at=falls_due(event) or publication.created_at)
    late = await current_late_seats(context.db, viewer.account_id)
    if not audience.admits(event.audience, item.published_at, keys, late):
        return None
    copy(item, event, publication)
    async with context.db.sessions() as session:
        outlook = await outlook_of(session, viewer.account_id, keys, late)
    found = place(item, outlook)
    return (item, found) if found else None


async def pushed(context: RequestContext, viewer: Viewer) -> AsyncIterator[tuple[tables.FeedItem, Placement]]:
    if context.broadcast is None:
        raise Unavailable("Live updates are not served by this process.")
    # A cheap first filter on connection-time keys (circles joined later show after reconnecting); `placed`
    # checks again with the member's current circles, so a circle left since then stops the push.
    wanted = viewer.audiences | {audience.PLATFORM.key}
    with context.broadcast.subscribe(
        lambda e: "publication" in e.data and audience.may_see(e.audience, wanted)
    ) as events:
        async for event in events:
            # Run to its end even when the socket closes meanwhile (infra.tasks says why).
            if found := await completed(placed(context, viewer, event)):
                yield found
