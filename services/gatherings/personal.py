"""A member's data rights in gatherings: their answers (RSVPs), their attendance as hosts recorded it, and the
gatherings they host, for their export. Erased with their account, their answers go (a seat they held passes to
the first member waiting), attendance keeps who was there as "a former member", and gatherings they host stay,
hosted by "a former member" (search and feeds told through the gathering's publication)."""

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from events.sealing import FORMER_MEMBER
from infra.personal_data import PersonalData, gathered
from services.gatherings import events as ev
from services.gatherings.commands import announce
from services.gatherings.rsvps import GOING, fill
from services.gatherings.tables import Attendance, Gathering, Rsvp


async def personal_data(session: AsyncSession, member_id: str) -> PersonalData:
    return await gathered(
        session,
        {
            "rsvps": select(Rsvp).where(Rsvp.member_id == member_id),
            "attendance": select(Attendance).where(Attendance.member_id == member_id),
            "gatherings_hosted": select(Gathering).where(Gathering.created_by == member_id),
        },
    )


async def erase_member(session: AsyncSession, member_id: str) -> None:
    held = select(Rsvp.gathering_id).where(Rsvp.member_id == member_id, Rsvp.answer == GOING)
    freed = list(await session.scalars(select(Gathering).where(Gathering.id.in_(held))))
    await session.execute(delete(Rsvp).where(Rsvp.member_id == member_id))
    for gathering in freed:
        await fill(session, gathering)
    mine = Attendance.member_id == member_id
    await session.execute(update(Attendance).where(mine).values(member_name=FORMER_MEMBER))
    for gathering in await session.scalars(select(Gathering).where(Gathering.created_by == member_id)):
        gathering.created_by_name = FORMER_MEMBER
        announce(session, gathering, ev.GatheringAnonymised)
