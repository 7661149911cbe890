"""An erased member leaves the feeds: the `data_rights.member.erased` event (its subject the member) drops what
feeds keep of them: their name and areas, what they saw, dismissed, followed or muted, their answers to gatherings,
their prepared page.
Items they wrote stay, changed by their services' own events (by "a former member"); their profile's item left
with its last event."""

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from events.envelope import Event
from services.feeds import changes
from services.feeds.tables import FeedMember, FeedRsvp, Interest, Mark, PreparedPage

ERASED = "data_rights.member.erased"


async def forget_member(event: Event, session: AsyncSession) -> None:
    for table in (FeedMember, Mark, Interest, FeedRsvp, PreparedPage):
        await session.execute(delete(table).where(table.member_id == event.subject))
    await changes.count_member(session, event.subject)
