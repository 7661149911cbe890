"""Gatherings a member answered: projected from gatherings' RSVP events, read into their outlook so the gathering's
item ranks with their own groups' and says why ("you're going")."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.feeds import changes
from services.feeds.tables import FeedRsvp
from services.gatherings import events as gatherings

# The answers that keep a gathering high in the member's feed, and how the reason says them.
REASONS = {"going": "you're going", "waiting": "you're on its waiting list"}


async def project_rsvp(event: Event, session: AsyncSession) -> None:
    """Replaces the member's answer unless a newer one was applied (a redelivery or replay changes nothing)."""
    data = read(event, gatherings.RsvpEvent)
    await changes.count_member(session, data.member_id)
    row = await session.get(FeedRsvp, (data.member_id, data.gathering_id))
    if row is None:
        session.add(
            FeedRsvp(member_id=data.member_id, item_id=data.gathering_id, answer=data.answer, changed_at=event.time)
        )
    elif event.time >= row.changed_at:
        row.answer, row.changed_at = data.answer, event.time


async def answered(session: AsyncSession, member_id: str) -> dict[str, str]:
    """The gatherings the member is going to or waiting for: item id -> answer."""
    query = select(FeedRsvp.item_id, FeedRsvp.answer).where(
        FeedRsvp.member_id == member_id, FeedRsvp.answer.in_(tuple(REASONS))
    )
    return {item: answer for item, answer in await session.execute(query)}
