"""Running due jobs: each claimed by one scheduler, turned into notifications, then marked done."""

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from events.audience import peer_group
from infra.columns import utcnow
from infra.database import Database
from services.notifications import cadence
from services.notifications.claims import claim
from services.notifications.digests import run_digest
from services.notifications.happenings import survey_notice
from services.notifications.inbox import notify
from services.notifications.kinds import Channel, Kind
from services.notifications.notice import Notice, group_path, in_group, when
from services.notifications.tables import DueJob
from services.peer_groups import api as peer_groups

log = logging.getLogger("commons.notifications.reminders")
LEASE = timedelta(minutes=5)
BATCH = 50
Run = Callable[[AsyncSession, DueJob], Awaitable[int]]


async def meeting_reminder(session: AsyncSession, job: DueJob) -> int:
    meeting = await peer_groups.meeting_glimpse(session, job.data["meeting_id"])
    if meeting is None or not job.key.endswith(meeting.starts_at.isoformat()):
        return 0  # cancelled or moved since: a moved meeting has a reminder of its own
    group = meeting.group_id
    phrase = f"{meeting.group_name} meets tomorrow, {when(meeting.starts_at)}"
    notice = Notice(
        Kind.MEETING_REMINDER,
        f"meeting:{meeting.id}",
        phrase,
        group_path(group),
        job.due_at,
        (peer_group(group),),
        group,
    )
    return await notify(session, notice, await peer_groups.consenting_member_ids(session, group))


async def survey_reminder(session: AsyncSession, job: DueJob) -> int:
    group_id, months = job.data["group_id"], int(job.data["months"])
    notice = survey_notice(Kind.SURVEY_REMINDER, group_id, months, await in_group(session, group_id), job.due_at)
    return await notify(session, notice, await peer_groups.unanswered_survey(session, group_id, months))


RUNS: dict[str, Run] = {
    Kind.MEETING_REMINDER.value: meeting_reminder,
    Kind.SURVEY_REMINDER.value: survey_reminder,
    Kind.CADENCE_BROKEN.value: cadence.check,
    Channel.DAILY.value: run_digest,
    Channel.WEEKLY.value: run_digest,
}


async def run_due_jobs(db: Database, now: datetime | None = None) -> int:
    """Every job due by `now`, including those that running them planned due by then; how many ran."""
    moment, done = now or utcnow(), 0
    while True:
        async with db.transaction() as session:
            ready = DueJob.done_at.is_(None) & (DueJob.due_at <= moment)
            token, jobs = await claim(session, DueJob, ready, moment, LEASE, BATCH)
        for job in jobs:
            done += await _run(db, job, token)
        if not jobs:
            return done


async def _run(db: Database, job: DueJob, token: str) -> int:
    """Runs a job and marks it done in one transaction; one that fails is tried again when its lease ends."""
    try:
        async with db.transaction() as session:
            await RUNS[job.kind](session, job)
            await session.execute(
                update(DueJob).where(DueJob.id == job.id, DueJob.claimed_by == token).values(done_at=utcnow())
            )
    except Exception:
        log.exception("job %s failed; it runs again after its lease", job.key)
        return 0
    return 1
