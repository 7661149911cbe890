"""Attendance, recorded by a host: who of the circle was there."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.database import Database
from infra.errors import Conflict, InvalidInput
from infra.viewer import Viewer
from services.gatherings import events as ev
from services.gatherings.publications import event
from services.gatherings.tables import Attendance, Gathering, Rsvp
from services.networks import api as networks

MOST = 10_000


async def marked(db: Database, session: AsyncSession, gathering: Gathering, present: list[str]) -> dict[str, str]:
    """Whom a recording covers, by id with their names: the members going, and those marked present who belong
    to the gathering's circle (a walk-in); anyone else marked is left out, and so refused."""
    going = select(Rsvp.member_id, Rsvp.member_name).where(Rsvp.gathering_id == gathering.id, Rsvp.answer == "going")
    names: dict[str, str] = {m: n for m, n in await session.execute(going)}
    walk_ins = [m for m in dict.fromkeys(present) if m not in names]
    belonging = [m for m in walk_ins if gathering.audience_key in await networks.audiences_in(session, m)]
    return names | await networks.member_names(db, belonging)


async def record_attendance(
    session: AsyncSession, host: Viewer, gathering: Gathering, names: dict[str, str], present: list[str]
) -> None:
    """`names`: the circle's members among those marked, by id; each marked member outside it is refused."""
    if gathering.status != "scheduled":
        raise Conflict("This gathering is cancelled.")
    if len(present) > MOST or any(member not in names for member in present):
        raise InvalidInput("Attendance names members of the gathering's network or local group only.")
    for member_id, name in names.items():
        row = await session.get(Attendance, (gathering.id, member_id))
        if row is None:
            row = Attendance(gathering_id=gathering.id, member_id=member_id)
            session.add(row)
        row.member_name, row.present = name, member_id in present
        row.recorded_by, row.recorded_at = host.account_id, utcnow()
    await session.flush()
    absent = sorted(set(names) - set(present))
    record(
        session,
        [event(ev.AttendanceRecorded(gathering_id=gathering.id, present=sorted(present), absent=absent), gathering)],
    )
