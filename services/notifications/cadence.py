"""A group's broken cadence (seed 002: "place a high value on turning up"): told once per lapse to its members and
its network's hosts and coordinators, naming the group and the date a meeting was due, nothing of its content.

A lapse is a due date missed. Its check is a due-time job keyed by that date, planned whenever the date may change
(the group formed or changed, attendance recorded, a meeting scheduled or moved: as of its start, counting it held)
and by each check for the next one; however often it is planned, it runs once. A check that finds the group met in
time plans the check of its new due date; one that finds it overdue since another date plans that date's check.
"""

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from events.audience import peer_group
from events.catalogue import read
from events.envelope import Event
from services.networks import api as networks
from services.notifications.inbox import notify
from services.notifications.kinds import Kind
from services.notifications.notice import Notice, group_path, in_group, when
from services.notifications.schedule import plan
from services.notifications.tables import DueJob
from services.peer_groups import api as peer_groups
from services.peer_groups import events as groups

# A meeting held on the day it is due keeps the cadence.
GRACE = timedelta(days=1)


async def plan_check(session: AsyncSession, group_id: str, as_of: datetime) -> None:
    """Plans the check of the date the group is due to meet by, as things stand at `as_of`."""
    status = await peer_groups.cadence_in(session, group_id, as_of)
    if status is not None and status.state != "finished":
        due = status.next_due
        await plan(
            session,
            Kind.CADENCE_BROKEN,
            f"{group_id}@{due.isoformat()}",
            due + GRACE,
            {"group_id": group_id, "due": due.isoformat()},
        )


async def check(session: AsyncSession, job: DueJob) -> int:
    """Tells of the lapse if the group was overdue since this job's date when it ran; else plans the next check."""
    group_id, due = job.data["group_id"], datetime.fromisoformat(job.data["due"])
    status = await peer_groups.cadence_in(session, group_id, job.due_at)
    if status is None or status.state == "finished":
        return 0
    if not (status.overdue and status.next_due == due):
        await plan_check(session, group_id, job.due_at)
        return 0
    phrase = f"{await in_group(session, group_id)} is overdue for a meeting: one was due by {when(due)}"
    notice = Notice(
        Kind.CADENCE_BROKEN,
        f"cadence:{group_id}@{due.date().isoformat()}",
        phrase,
        group_path(group_id),
        job.due_at,
        (peer_group(group_id),),
        group_id,
    )
    network_id = await peer_groups.network_of_group(session, group_id)
    coordinators = await networks.coordinator_ids_in(session, network_id) if network_id else []
    return await notify(session, notice, [*await peer_groups.consenting_member_ids(session, group_id), *coordinators])


async def group_changed(event: Event, session: AsyncSession) -> None:
    await plan_check(session, read(event, groups.PeerGroupChanged).group_id, event.time)


async def attendance_recorded(event: Event, session: AsyncSession) -> None:
    await plan_check(session, read(event, groups.AttendanceRecorded).group_id, event.time)


CADENCE = {"peer_groups.group.changed": group_changed, "peer_groups.attendance.recorded": attendance_recorded}
