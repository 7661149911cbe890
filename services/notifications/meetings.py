"""Meetings scheduled, moved or cancelled: told to the members who accepted the group's contract, and each
meeting's reminder 24 hours before it. A reminder is planned for each start time a meeting has had; the one that
runs checks that the meeting still starts then (reminders.py), so a move is followed and a cancel drops it. Each
start time also plans the check of the cadence that meeting keeps (cadence.py)."""

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.notifications.cadence import plan_check
from services.notifications.kinds import Kind
from services.notifications.notice import Happening, Notice, group_path, in_group, when
from services.notifications.schedule import plan
from services.peer_groups import api as peer_groups
from services.peer_groups import events as groups

MEETING_REMINDER_BEFORE = timedelta(hours=24)


async def _plan_reminder(session: AsyncSession, meeting_id: str, starts_at: datetime) -> None:
    await plan(
        session,
        Kind.MEETING_REMINDER,
        f"{meeting_id}@{starts_at.isoformat()}",
        starts_at - MEETING_REMINDER_BEFORE,
        {"meeting_id": meeting_id},
    )


Meeting = groups.MeetingScheduled | groups.MeetingCancelled


async def _told(session: AsyncSession, event: Event, kind: Kind, data: Meeting, said: str) -> Happening:
    group = data.group_id
    phrase = f"a meeting of {await in_group(session, group)} {said}"
    notice = Notice(kind, f"meeting:{data.meeting_id}", phrase, group_path(group), event.time, event.audience, group)
    return notice, await peer_groups.consenting_member_ids(session, group)


async def meeting_scheduled(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.MeetingScheduled)
    await _plan_reminder(session, data.meeting_id, data.starts_at)
    await plan_check(session, data.group_id, data.starts_at)
    said = f"is scheduled for {when(data.starts_at)}"
    return await _told(session, event, Kind.MEETING_SCHEDULED, data, said)


async def meeting_moved(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.MeetingMoved)
    await _plan_reminder(session, data.meeting_id, data.starts_at)
    await plan_check(session, data.group_id, data.starts_at)
    said = f"moved from {when(data.was)} to {when(data.starts_at)}"
    return await _told(session, event, Kind.MEETING_MOVED, data, said)


async def meeting_cancelled(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.MeetingCancelled)
    said = f"on {when(data.starts_at)} is cancelled"
    return await _told(session, event, Kind.MEETING_CANCELLED, data, said)
