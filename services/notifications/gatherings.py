"""Gatherings changed or cancelled: told to the members going or waiting; a place opened: told to the member who
moved up from the waiting list. The phrase names the gathering, which its circle may see, and nothing else."""

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.gatherings import api as gatherings
from services.gatherings import events as ev
from services.notifications.kinds import Kind
from services.notifications.notice import Happening, Notice, when


def _path(gathering_id: str) -> str:
    return f"/gatherings/{gathering_id}"


async def _told(event: Event, session: AsyncSession, kind: Kind, said: str) -> Happening:
    data = read(event, ev.GatheringEvent)
    phrase = f"the gathering “{data.title}” on {when(data.starts_at)} {said}"
    notice = Notice(
        kind, f"gathering:{data.gathering_id}", phrase, _path(data.gathering_id), event.time, event.audience
    )
    return notice, await gatherings.answered_member_ids(session, data.gathering_id)


async def gathering_changed(event: Event, session: AsyncSession) -> Happening:
    return await _told(event, session, Kind.GATHERING_CHANGED, "changed: check its time, place and agenda")


async def gathering_cancelled(event: Event, session: AsyncSession) -> Happening:
    return await _told(event, session, Kind.GATHERING_CANCELLED, "is cancelled")


async def place_opened(event: Event, session: AsyncSession) -> Happening:
    data = read(event, ev.RsvpPromoted)
    title = await gatherings.title_in(session, data.gathering_id) or "a gathering"
    phrase = f"a place opened at “{title}”: you're going, no longer waiting"
    notice = Notice(
        Kind.GATHERING_PLACE_OPENED,
        f"gathering:{data.gathering_id}:place",
        phrase,
        _path(data.gathering_id),
        event.time,
        event.audience,
    )
    return notice, [data.member_id]


GATHERING_READINGS = {
    "gatherings.gathering.changed": gathering_changed,
    "gatherings.gathering.cancelled": gathering_cancelled,
    "gatherings.rsvp.promoted": place_opened,
}
