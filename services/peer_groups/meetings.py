"""Meetings: scheduled one by one or as a series along the cadence, with mode, place or link, attendance, notes."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import InvalidInput, NotFound
from infra.text import clean_text, one_of
from services.peer_groups import events as ev
from services.peer_groups.access import open_group, open_seat, said_since_seated
from services.peer_groups.cadence import add_months
from services.peer_groups.groups import seats
from services.peer_groups.publications import group_event, meeting_publication
from services.peer_groups.tables import Attendance, GroupMember, Meeting, PeerGroup

MODES = ("in_person", "phone", "online")


@dataclass(frozen=True)
class MeetingPlan:
    starts_at: datetime
    mode: str
    place: str = ""
    minutes: int = 90


def checked_plan(plan: MeetingPlan, now: datetime) -> MeetingPlan:
    if plan.starts_at.tzinfo is None:
        raise InvalidInput("Give a meeting's start with its time zone offset.")
    if plan.starts_at <= now:
        raise InvalidInput("A meeting can't be scheduled in the past.")
    if not 15 <= plan.minutes <= 480:
        raise InvalidInput("A meeting lasts between 15 and 480 minutes.")
    one_of(plan.mode, MODES, "A meeting's mode")
    where = clean_text(plan.place, "A place or link", 500)
    if not where and plan.mode != "phone":
        raise InvalidInput("Say where the meeting is: a place, or a link for an online meeting.")
    return MeetingPlan(plan.starts_at, plan.mode, where, plan.minutes)


def _add(session: AsyncSession, group: PeerGroup, plan: MeetingPlan) -> Meeting:
    meeting = Meeting(
        group_id=group.id,
        starts_at=plan.starts_at,
        minutes=plan.minutes,
        mode=plan.mode,
        place=plan.place,
        created_at=utcnow(),
    )
    session.add(meeting)
    return meeting


def _record(session: AsyncSession, group: PeerGroup, meetings: list[Meeting]) -> None:
    record(
        session,
        [
            group_event(
                ev.MeetingScheduled(
                    meeting_id=m.id,
                    group_id=group.id,
                    starts_at=m.starts_at,
                    mode=m.mode,
                    publication=meeting_publication(group, m),
                ),
                m.id,
                group,
            )
            for m in meetings
        ],
    )


async def schedule(session: AsyncSession, member_id: str, group_id: str, plans: list[MeetingPlan]) -> list[Meeting]:
    """All or nothing: one meeting in the past refuses the whole series."""
    group = await open_group(session, member_id, group_id)
    checked = [checked_plan(plan, utcnow()) for plan in plans]
    if not 1 <= len(checked) <= 24:
        raise InvalidInput("Schedule between 1 and 24 meetings at a time.")
    meetings = [_add(session, group, plan) for plan in checked]
    await session.flush()
    _record(session, group, meetings)
    return meetings


def series(group: PeerGroup, first: MeetingPlan, count: int) -> list[MeetingPlan]:
    """`count` meetings from `first`, one per cadence period (every other month by default)."""
    return [
        MeetingPlan(add_months(first.starts_at, i * group.every_months), first.mode, first.place, first.minutes)
        for i in range(count)
    ]


async def set_cadence(session: AsyncSession, member_id: str, group_id: str, every: int, months: int) -> PeerGroup:
    group = await open_group(session, member_id, group_id)
    if not 1 <= every <= 6 or not every <= months <= 60:
        raise InvalidInput("Meet every 1 to 6 months, for up to 60 months.")
    group.every_months, group.for_months = every, months
    return group


async def group_meeting(session: AsyncSession, member_id: str, meeting_id: str) -> tuple[PeerGroup, Meeting]:
    """One read, joined to the member's open seat: a hidden meeting costs what a missing one does."""
    query = (
        select(PeerGroup, Meeting)
        .join(Meeting, Meeting.group_id == PeerGroup.id)
        .join(GroupMember, open_seat(member_id))
        .where(Meeting.id == meeting_id, said_since_seated(Meeting.created_at))
    )
    found = (await session.execute(query)).first()
    if found is None:
        raise NotFound("No such meeting.")
    return found[0], found[1]


async def record_attendance(session: AsyncSession, member_id: str, meeting_id: str, present: list[str]) -> Meeting:
    group, meeting = await group_meeting(session, member_id, meeting_id)
    if meeting.starts_at > utcnow() + timedelta(hours=1):
        raise InvalidInput("Attendance is recorded once a meeting has begun.")
    members = [seat.member_id for seat in await seats(session, group.id)]
    if not set(present) <= set(members):
        raise InvalidInput("Only the group's members can be marked present.")
    await session.execute(delete(Attendance).where(Attendance.meeting_id == meeting.id))
    session.add_all(Attendance(meeting_id=meeting.id, member_id=m, present=m in present) for m in members)
    data = ev.AttendanceRecorded(
        meeting_id=meeting.id, group_id=group.id, present=len(set(present)), absent=len(set(members) - set(present))
    )
    record(session, [group_event(data, meeting.id, group)])
    return meeting


async def write_notes(session: AsyncSession, member_id: str, meeting_id: str, notes: str) -> Meeting:
    _, meeting = await group_meeting(session, member_id, meeting_id)
    meeting.notes = clean_text(notes, "Notes", 20_000)
    return meeting


async def meetings_of(session: AsyncSession, group_id: str, since: datetime | None = None) -> list[Meeting]:
    """The group's meetings; those scheduled from `since` on, for a member who joined then."""
    query = select(Meeting).where(Meeting.group_id == group_id)
    if since is not None:
        query = query.where(Meeting.created_at >= since)
    return list(await session.scalars(query.order_by(Meeting.starts_at)))
