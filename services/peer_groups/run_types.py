"""GraphQL types of meetings, protocols and protocol runs (read by members whose group space is open)."""

from datetime import datetime, timedelta

import strawberry
from sqlalchemy import select

from infra.columns import utcnow
from infra.context import Ctx, RequestContext
from services.peer_groups import calendar, fairness, loaders, queries, runs, tables
from services.peer_groups.protocols import Protocol, Step
from services.peer_groups.standard_protocols import STANDARD


@strawberry.type
class ProtocolStep:
    title: str
    role: str = strawberry.field(description="Who speaks: presenter, each_peer, mentor, mentee or all.")
    seconds: int = strawberry.field(description="The time box (per turn when each peer speaks in turn).")
    guidance: str
    prompts: list[str]
    pitfalls: list[str] = strawberry.field(description="Reminders of the pitfalls to avoid in this step.")
    presenter_listens_in_silence: bool

    @classmethod
    def of(cls, step: Step) -> "ProtocolStep":
        return cls(
            title=step.title,
            role=step.role,
            seconds=step.seconds,
            guidance=step.guidance,
            prompts=list(step.prompts),
            pitfalls=step.pitfall_reminders(),
            presenter_listens_in_silence=step.presenter_listens_in_silence,
        )


@strawberry.type
class ProtocolDefinition:
    key: str = strawberry.field(description="What startProtocolRun takes: a standard key or the group's own id.")
    name: str
    summary: str
    steps: list[ProtocolStep]

    @classmethod
    def of(cls, protocol: Protocol) -> "ProtocolDefinition":
        steps = [ProtocolStep.of(step) for step in protocol.steps]
        return cls(key=protocol.key, name=protocol.name, summary=protocol.summary, steps=steps)


async def own_protocols(context: RequestContext, group_id: str) -> list[ProtocolDefinition]:
    async with context.db.sessions() as session:
        own = await session.scalars(select(tables.Protocol).where(tables.Protocol.group_id == group_id))
        mine = [Protocol(p.id, p.name, "The group's own protocol.", tuple(Step.of(s) for s in p.steps)) for p in own]
    return [ProtocolDefinition.of(p) for p in (*STANDARD.values(), *mine)]


@strawberry.type
class SpeakingShare:
    member_id: strawberry.ID
    seconds: int
    share: float


@strawberry.type
class Fairness:
    shares: list[SpeakingShare]
    gini: float = strawberry.field(description="0 when time was shared evenly; towards 1 when one person took it.")
    max_min_ratio: float | None


@strawberry.type
class SpokenTurn:
    step: int
    member_id: strawberry.ID | None
    seconds: int


@strawberry.type
class ProtocolRun:
    """The live state of a run; clients count down from turnStartedAt and the current step's time box."""

    row: strawberry.Private[tables.ProtocolRun]
    turns: list[SpokenTurn]
    fairness: Fairness

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def protocol_name(self) -> str:
        return self.row.protocol_name

    @strawberry.field
    def meeting_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.meeting_id)

    @strawberry.field
    def presenter_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.presenter_id)

    @strawberry.field
    def facilitator_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.facilitator_id)

    @strawberry.field
    def steps(self) -> list[ProtocolStep]:
        return [ProtocolStep.of(Step.of(step)) for step in self.row.steps]

    @strawberry.field
    def step_index(self) -> int:
        return self.row.step

    @strawberry.field
    def turn_index(self) -> int:
        return self.row.turn

    @strawberry.field
    def current_step(self) -> ProtocolStep | None:
        finished = self.row.finished_at is not None
        return None if finished else ProtocolStep.of(Step.of(self.row.steps[self.row.step]))

    @strawberry.field(description="Whose turn it is; null while all speak (the facilitator moves on) or when done.")
    def speaker_id(self) -> strawberry.ID | None:
        speaker = runs.speaker(self.row)
        return strawberry.ID(speaker) if speaker else None

    @strawberry.field(description="The speakers of the current step, in turn order.")
    def turn_order(self) -> list[strawberry.ID]:
        done = self.row.finished_at is not None
        return [] if done else [strawberry.ID(m) for m in self.row.speakers[self.row.step]]

    @strawberry.field
    def step_started_at(self) -> datetime:
        return self.row.step_started_at

    @strawberry.field
    def turn_started_at(self) -> datetime:
        return self.row.turn_started_at

    @strawberry.field(description="When the current turn's time box ends.")
    def turn_ends_at(self) -> datetime | None:
        if self.row.finished_at is not None:
            return None
        return self.row.turn_started_at + timedelta(seconds=self.row.steps[self.row.step]["seconds"])

    @strawberry.field
    def finished(self) -> bool:
        return self.row.finished_at is not None

    @strawberry.field(description="Increases with every change; pass it to advanceProtocolRun as atVersion.")
    def version(self) -> int:
        return self.row.version


async def run_state(context: RequestContext, row: tables.ProtocolRun) -> ProtocolRun:
    """Read afresh every time (also for subscriptions, whose context lives as long as the connection)."""
    async with context.db.sessions() as session:
        turns = await queries.turns_of(session, row.id)
    speakers = {m for step in row.speakers for m in step}
    summary = fairness.fairness([(t.member_id, t.seconds) for t in turns], sorted(speakers))
    shares = [
        SpeakingShare(member_id=strawberry.ID(m), seconds=s, share=summary.shares[m])
        for m, s in sorted(summary.seconds.items())
    ]
    spoken = [
        SpokenTurn(step=t.step, member_id=strawberry.ID(t.member_id) if t.member_id else None, seconds=t.seconds)
        for t in turns
    ]
    return ProtocolRun(
        row=row, turns=spoken, fairness=Fairness(shares=shares, gini=summary.gini, max_min_ratio=summary.max_min_ratio)
    )


@strawberry.type
class Attendance:
    member_id: strawberry.ID
    present: bool


@strawberry.type
class Meeting:
    row: strawberry.Private[tables.Meeting]
    group: strawberry.Private[tables.PeerGroup]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def peer_group_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.group_id)

    @strawberry.field
    def starts_at(self) -> datetime:
        return self.row.starts_at

    @strawberry.field
    def minutes(self) -> int:
        return self.row.minutes

    @strawberry.field(description="in_person, phone or online.")
    def mode(self) -> str:
        return self.row.mode

    @strawberry.field(description="The place, or the link of an online meeting.")
    def place(self) -> str:
        return self.row.place

    @strawberry.field
    def notes(self) -> str:
        return self.row.notes

    @strawberry.field
    async def attendance(self, info: Ctx) -> list[Attendance]:
        rows = await info.context.loader(loaders.attendance_by_meeting).load(self.row.id)
        return [Attendance(member_id=strawberry.ID(a.member_id), present=a.present) for a in rows]

    @strawberry.field
    async def protocol_runs(self, info: Ctx) -> list[ProtocolRun]:
        async with info.context.db.sessions() as session:
            rows = await queries.runs_of(session, self.row.id)
        return [await run_state(info.context, row) for row in rows]

    @strawberry.field(description="This meeting as an iCalendar (.ics) file.")
    def calendar(self) -> str:
        return calendar.calendar(self.group, [self.row], utcnow())
