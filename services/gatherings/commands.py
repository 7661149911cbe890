"""Hosting gatherings: scheduling, editing and cancelling them. With rsvps.py and attendance.py, the only code
that writes the gatherings tables; each change records its event in the same transaction."""

from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict
from infra.viewer import Viewer
from services.gatherings import events as ev
from services.gatherings.plans import GatheringPlan, checked
from services.gatherings.publications import event, gathering_publication
from services.gatherings.rsvps import GOING, WAITING, count, fill, take_turn
from services.gatherings.tables import Gathering


def announce(session: AsyncSession, gathering: Gathering, kind: type[ev.GatheringEvent]) -> None:
    data = kind(
        gathering_id=gathering.id,
        network_id=gathering.network_id,
        local_group_id=gathering.local_group_id,
        kind=gathering.kind,
        title=gathering.title,
        starts_at=gathering.starts_at,
        ends_at=gathering.ends_at,
        status=gathering.status,
        publication=gathering_publication(gathering),
    )
    record(session, [event(data, gathering)])


def _apply(gathering: Gathering, plan: GatheringPlan) -> None:
    gathering.kind, gathering.title, gathering.agenda = plan.kind, plan.title, plan.agenda
    gathering.starts_at, gathering.ends_at = plan.starts_at, plan.ends_at
    gathering.place, gathering.link = plan.place, plan.link
    gathering.capacity, gathering.waiting_list = plan.capacity, plan.waiting_list


async def schedule(
    session: AsyncSession, viewer: Viewer, circle: tuple[str, str | None, str], plan: GatheringPlan
) -> Gathering:
    """`circle`: the network, the local group (or None) and the audience key the gathering belongs to."""
    now = utcnow()
    network_id, local_group_id, key = circle
    gathering = Gathering(
        network_id=network_id,
        local_group_id=local_group_id,
        audience_key=key,
        status="scheduled",
        answers=0,
        created_by=viewer.account_id,
        created_by_name=viewer.name,
        created_at=now,
        updated_at=now,
    )
    _apply(gathering, checked(plan, now))
    session.add(gathering)
    await session.flush()
    announce(session, gathering, ev.GatheringScheduled)
    return gathering


async def _keeps_answers(session: AsyncSession, gathering: Gathering, plan: GatheringPlan) -> None:
    """A smaller room or a closed list must not turn away members already answered."""
    going, waiting = await count(session, gathering.id, GOING), await count(session, gathering.id, WAITING)
    if plan.capacity < going:
        raise Conflict(f"{going} members are going: the capacity can't be less than that.")
    if waiting and not plan.waiting_list:
        raise Conflict(f"{waiting} members are on the waiting list: keep it while they wait.")


async def edit(session: AsyncSession, gathering: Gathering, plan: GatheringPlan) -> Gathering:
    if gathering.status != "scheduled":
        raise Conflict("This gathering is cancelled.")
    plan = checked(plan, utcnow())
    await take_turn(session, gathering)
    await _keeps_answers(session, gathering, plan)
    _apply(gathering, plan)
    gathering.updated_at = utcnow()
    await session.flush()
    announce(session, gathering, ev.GatheringChanged)
    await fill(session, gathering)
    return gathering


async def cancel(session: AsyncSession, gathering: Gathering) -> Gathering:
    if gathering.status != "scheduled":
        raise Conflict("This gathering is cancelled already.")
    gathering.status, gathering.updated_at = "cancelled", utcnow()
    await session.flush()
    announce(session, gathering, ev.GatheringCancelled)
    return gathering
