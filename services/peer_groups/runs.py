"""Protocol runs: a meeting works through a protocol step by step and turn by turn. Only whoever has the floor
(the facilitator, for steps where all speak) moves it on; each turn's length is kept to show how time was shared."""

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, Forbidden, InvalidInput, NotFound
from infra.text import clean_text
from services.peer_groups import events as ev
from services.peer_groups.access import open_group, open_seat, said_since_seated
from services.peer_groups.groups import seats
from services.peer_groups.meetings import group_meeting
from services.peer_groups.protocols import Protocol, Step, checked_step
from services.peer_groups.publications import group_event
from services.peer_groups.standard_protocols import STANDARD
from services.peer_groups.tables import GroupMember, Meeting, PeerGroup, ProtocolRun, Turn
from services.peer_groups.tables import Protocol as OwnProtocol


async def define_protocol(
    session: AsyncSession, member_id: str, group_id: str, name: str, steps: list[Step]
) -> OwnProtocol:
    group = await open_group(session, member_id, group_id)
    if not 1 <= len(steps) <= 12:
        raise InvalidInput("A protocol has 1 to 12 steps.")
    checked = [checked_step(step).as_data() for step in steps]
    protocol = OwnProtocol(group_id=group.id, name=clean_text(name, "A protocol's name", 120, 2), steps=checked)
    session.add(protocol)
    await session.flush()
    return protocol


async def find_protocol(session: AsyncSession, group: PeerGroup, key: str) -> Protocol:
    if key in STANDARD:
        return STANDARD[key]
    own = await session.get(OwnProtocol, key)
    if own is None or own.group_id != group.id:
        raise NotFound("No such protocol.")
    return Protocol(own.id, own.name, "", tuple(Step.of(step) for step in own.steps))


def _mentor(members: list[GroupMember], presenter: str, chosen: str | None) -> str | None:
    seated = next((seat.member_id for seat in members if seat.role == "mentor"), None)
    return chosen or (seated if seated != presenter else None)


def speakers(protocol: Protocol, members: list[GroupMember], presenter: str, mentor: str | None) -> list[list[str]]:
    peers = [seat.member_id for seat in members if seat.member_id != presenter]
    by_role = {"presenter": [presenter], "mentee": [presenter], "each_peer": peers, "all": []}
    by_role["mentor"] = [mentor] if mentor else []
    order = [by_role[step.role] for step in protocol.steps]
    for step, names in zip(protocol.steps, order, strict=True):
        if step.role in ("each_peer", "mentor") and not names:
            raise InvalidInput(f"The step '{step.title}' needs a {step.role.replace('each_', '')} to speak.")
    return order


async def start_run(
    session: AsyncSession, member_id: str, meeting_id: str, protocol_key: str, presenter: str, mentor: str | None
) -> ProtocolRun:
    """The member starting the run facilitates it; the presenter (and a mentor, if chosen) must be members."""
    group, meeting = await group_meeting(session, member_id, meeting_id)
    await _refuse_a_second_round(session, meeting)
    protocol = await find_protocol(session, group, protocol_key)
    members = await seats(session, group.id)
    if not {presenter, mentor or presenter} <= {seat.member_id for seat in members} or presenter == mentor:
        raise InvalidInput("The presenter and the mentor are two different members of the group.")
    now = utcnow()
    run = ProtocolRun(
        meeting_id=meeting.id,
        group_id=group.id,
        protocol_name=protocol.name,
        facilitator_id=member_id,
        steps=[step.as_data() for step in protocol.steps],
        presenter_id=presenter,
        step=0,
        turn=0,
        speakers=speakers(protocol, members, presenter, _mentor(members, presenter, mentor)),
        step_started_at=now,
        turn_started_at=now,
        version=1,
    )
    session.add(run)
    await session.flush()
    _record(session, group, run)
    return run


async def _refuse_a_second_round(session: AsyncSession, meeting: Meeting) -> None:
    """A meeting has one round at a time: whoever presses Start second is told to join, not given a twin round.
    A write to the meeting's row comes first, so that two members pressing Start together start one: it locks the
    row on PostgreSQL and takes the write lock on SQLite (where a read alone does not even open a transaction)."""
    await session.execute(update(Meeting).where(Meeting.id == meeting.id).values(id=Meeting.id))
    unfinished = ProtocolRun.meeting_id == meeting.id, ProtocolRun.finished_at.is_(None)
    if await session.scalar(select(ProtocolRun.id).where(*unfinished).limit(1)) is not None:
        raise Conflict("A round is already running: join it.")


async def group_run(session: AsyncSession, member_id: str, run_id: str) -> tuple[PeerGroup, ProtocolRun]:
    """One read, joined to the member's open seat: the run of a meeting they may see, or NotFound."""
    query = (
        select(PeerGroup, ProtocolRun)
        .join(ProtocolRun, ProtocolRun.group_id == PeerGroup.id)
        .join(Meeting, Meeting.id == ProtocolRun.meeting_id)
        .join(GroupMember, open_seat(member_id))
        .where(ProtocolRun.id == run_id, said_since_seated(Meeting.created_at))
    )
    found = (await session.execute(query)).first()
    if found is None:
        raise NotFound("No such protocol run.")
    return found[0], found[1]


def speaker(run: ProtocolRun) -> str | None:
    if run.finished_at is not None:
        return None
    names = run.speakers[run.step]
    return names[run.turn] if names else None


async def advance(session: AsyncSession, member_id: str, run_id: str, at_version: int | None) -> ProtocolRun:
    group, run = await group_run(session, member_id, run_id)
    if run.finished_at is not None:
        raise Conflict("This run has finished.")
    if at_version is not None and at_version != run.version:
        raise Conflict("The run has moved on since you saw it.")
    if member_id != (speaker(run) or run.facilitator_id):
        raise Forbidden("It is not your turn: only whoever has the floor moves the run on.")
    now = utcnow()
    seconds = max(0, round((now - run.turn_started_at).total_seconds()))
    session.add(Turn(run_id=run.id, step=run.step, member_id=speaker(run), seconds=seconds, ended_at=now))
    if run.turn + 1 < len(run.speakers[run.step]):
        run.turn += 1
    else:
        run.step, run.turn, run.step_started_at = run.step + 1, 0, now
        run.finished_at = now if run.step == len(run.steps) else None
    run.turn_started_at, run.version = now, run.version + 1
    _record(session, group, run)
    return run


def _record(session: AsyncSession, group: PeerGroup, run: ProtocolRun) -> None:
    data = ev.ProtocolRunChanged(
        run_id=run.id,
        group_id=group.id,
        meeting_id=run.meeting_id,
        step=run.step,
        turn=run.turn,
        finished=run.finished_at is not None,
        version=run.version,
    )
    record(session, [group_event(data, run.id, group)])
