"""Members' RSVPs: going while seats last, then the waiting list (in arrival order), which moves up as places
open. Every change first writes to the gathering's row, so two members answering together are served one after
the other and never both take the last seat."""

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict
from infra.viewer import Viewer
from services.gatherings import events as ev
from services.gatherings.access import answerable
from services.gatherings.publications import event
from services.gatherings.tables import Gathering, Rsvp

GOING, WAITING, NOT_GOING = "going", "waiting", "not_going"


async def take_turn(session: AsyncSession, gathering: Gathering) -> int:
    """Serializes RSVPs to the gathering; the number of this change, which orders the waiting list."""
    bump = update(Gathering).where(Gathering.id == gathering.id).values(answers=Gathering.answers + 1)
    await session.execute(bump.execution_options(synchronize_session=False))
    await session.refresh(gathering, ["answers"])
    return gathering.answers


async def count(session: AsyncSession, gathering_id: str, answer: str) -> int:
    query = select(func.count()).where(Rsvp.gathering_id == gathering_id, Rsvp.answer == answer)
    return await session.scalar(query) or 0


async def position(session: AsyncSession, rsvp: Rsvp) -> int | None:
    """A waiting member's place on the list, 1 being next."""
    if rsvp.answer != WAITING:
        return None
    ahead = select(func.count()).where(
        Rsvp.gathering_id == rsvp.gathering_id, Rsvp.answer == WAITING, Rsvp.queue < rsvp.queue
    )
    return (await session.scalar(ahead) or 0) + 1


async def fill(session: AsyncSession, gathering: Gathering) -> list[Rsvp]:
    """Moves the first members waiting up while seats are free; who moved up."""
    free = gathering.capacity - await count(session, gathering.id, GOING)
    first = select(Rsvp).where(Rsvp.gathering_id == gathering.id, Rsvp.answer == WAITING).order_by(Rsvp.queue)
    moved = list(await session.scalars(first.limit(max(free, 0))))
    for rsvp in moved:
        rsvp.answer, rsvp.answered_at = GOING, utcnow()
    await session.flush()
    data = [ev.RsvpPromoted(gathering_id=gathering.id, member_id=r.member_id, answer=GOING) for r in moved]
    record(session, [event(d, gathering) for d in data])
    return moved


async def _yes(session: AsyncSession, gathering: Gathering) -> str:
    if await count(session, gathering.id, GOING) < gathering.capacity:
        return GOING
    if not gathering.waiting_list:
        raise Conflict("This gathering is full and keeps no waiting list.")
    return WAITING


async def _record(session: AsyncSession, viewer: Viewer, gathering: Gathering, said: str, turn: int) -> Rsvp:
    rsvp = await session.get(Rsvp, (gathering.id, viewer.account_id))
    if rsvp is None:
        rsvp = Rsvp(gathering_id=gathering.id, member_id=viewer.account_id, member_name=viewer.name)
        session.add(rsvp)
    rsvp.answer, rsvp.queue, rsvp.answered_at = said, turn, utcnow()
    await session.flush()
    data = ev.RsvpAnswered(
        gathering_id=gathering.id, member_id=viewer.account_id, answer=said, position=await position(session, rsvp)
    )
    record(session, [event(data, gathering)])
    return rsvp


async def answer(session: AsyncSession, viewer: Viewer, gathering: Gathering, going: bool) -> Rsvp:
    """Saying yes again keeps one's seat or place; saying no gives it up, and the list moves up."""
    answerable(viewer, gathering)
    if gathering.status != "scheduled":
        raise Conflict("This gathering is cancelled.")
    turn = await take_turn(session, gathering)
    held = await session.get(Rsvp, (gathering.id, viewer.account_id))
    if held is not None and going and held.answer in (GOING, WAITING):
        return held
    rsvp = await _record(session, viewer, gathering, await _yes(session, gathering) if going else NOT_GOING, turn)
    await fill(session, gathering)
    return rsvp
