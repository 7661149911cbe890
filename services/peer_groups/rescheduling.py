"""Moving or cancelling a meeting that has not begun: any member who entered the group may, as any may schedule one.

A cancelled meeting is deleted (with anything planned at it); its event withdraws it from search and feeds.
"""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import InvalidInput
from services.peer_groups import events as ev
from services.peer_groups.meetings import MeetingPlan, checked_plan, group_meeting
from services.peer_groups.publications import group_event, meeting_publication
from services.peer_groups.tables import Meeting, PeerGroup


async def _coming(session: AsyncSession, member_id: str, meeting_id: str) -> tuple[PeerGroup, Meeting]:
    group, meeting = await group_meeting(session, member_id, meeting_id)
    if meeting.starts_at <= utcnow():
        raise InvalidInput("A meeting that has begun can't be moved or cancelled.")
    return group, meeting


async def move(session: AsyncSession, member_id: str, meeting_id: str, starts_at: datetime) -> Meeting:
    group, meeting = await _coming(session, member_id, meeting_id)
    plan = checked_plan(MeetingPlan(starts_at, meeting.mode, meeting.place, meeting.minutes), utcnow())
    was, meeting.starts_at = meeting.starts_at, plan.starts_at
    if plan.starts_at == was:
        return meeting
    data = ev.MeetingMoved(
        meeting_id=meeting.id,
        group_id=group.id,
        starts_at=meeting.starts_at,
        was=was,
        mode=meeting.mode,
        publication=meeting_publication(group, meeting),
    )
    record(session, [group_event(data, meeting.id, group)])
    return meeting


async def cancel(session: AsyncSession, member_id: str, meeting_id: str) -> None:
    group, meeting = await _coming(session, member_id, meeting_id)
    data = ev.MeetingCancelled(meeting_id=meeting.id, group_id=group.id, starts_at=meeting.starts_at)
    record(session, [group_event(data, meeting.id, group)])
    await session.delete(meeting)
