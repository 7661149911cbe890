"""GraphQL types of a peer group as its members see it: the contract always, the rest once they accepted it."""

from datetime import datetime

import strawberry

from infra.columns import utcnow
from infra.context import Ctx, RequestContext
from infra.errors import Forbidden
from services.peer_groups import cadence, calendar, loaders, plans, queries, tables
from services.peer_groups.access import has_accepted
from services.peer_groups.plan_types import DevelopmentPlan
from services.peer_groups.proposal_types import PeerGroupProposal, proposal_views
from services.peer_groups.run_types import Meeting, ProtocolDefinition, own_protocols


@strawberry.type
class PeerGroupMember:
    id: strawberry.ID
    name: str
    role: str
    accepted_contract: bool


@strawberry.type
class Contract:
    version: int
    norms: list[str]
    accepted_by_me: bool
    accepted_by_all: bool


@strawberry.type
class Cadence:
    every_months: int
    for_months: int
    last_met: datetime | None
    next_due: datetime
    next_scheduled: datetime | None
    ends: datetime
    state: str = strawberry.field(description="on_track, unscheduled, overdue or finished.")
    overdue: bool


async def cadence_of(context: RequestContext, group: tables.PeerGroup) -> Cadence:
    held = await context.loader(loaders.held_meetings_by_group).load(group.id)
    status = cadence.cadence_status(group, held, utcnow())
    return Cadence(
        every_months=group.every_months,
        for_months=group.for_months,
        last_met=status.last_met,
        next_due=status.next_due,
        next_scheduled=status.next_scheduled,
        ends=status.ends,
        state=status.state,
        overdue=status.overdue,
    )


@strawberry.type
class PeerGroup:
    row: strawberry.Private[tables.PeerGroup]
    seat: strawberry.Private[tables.GroupMember]

    def _open(self) -> None:
        if not has_accepted(self.row, self.seat):
            raise Forbidden("Accept the group's contract first; until then you see only the contract.")

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="peer_group, co_mentoring_pair, mentoring_circle or one_to_one.")
    def kind(self) -> str:
        return self.row.kind

    @strawberry.field
    def network_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.network_id)

    @strawberry.field
    def started_at(self) -> datetime:
        return self.row.started_at

    @strawberry.field(description="The mentoring scheme the group belongs to, if any.")
    def mentoring_scheme_id(self) -> strawberry.ID | None:
        return strawberry.ID(self.row.scheme_id) if self.row.scheme_id else None

    @strawberry.field(description="When its mentoring relationship ended early, if it did.")
    def ended_at(self) -> datetime | None:
        return self.row.ended_at

    @strawberry.field
    def my_role(self) -> str:
        return self.seat.role

    @strawberry.field(description="Whether the group's space is open to you (you accepted its current contract).")
    def is_open(self) -> bool:
        return has_accepted(self.row, self.seat)

    @strawberry.field
    async def contract(self, info: Ctx) -> Contract:
        everyone = await info.context.loader(loaders.seats_by_group).load(self.row.id)
        return Contract(
            version=self.row.contract_version,
            norms=self.row.norms,
            accepted_by_me=has_accepted(self.row, self.seat),
            accepted_by_all=all(has_accepted(self.row, s) for s in everyone),
        )

    @strawberry.field
    async def members(self, info: Ctx) -> list[PeerGroupMember]:
        everyone = await info.context.loader(loaders.seats_by_group).load(self.row.id)
        names = await info.context.loader(loaders.names_by_member).load_many([s.member_id for s in everyone])
        return [
            PeerGroupMember(
                id=strawberry.ID(s.member_id), name=name, role=s.role, accepted_contract=has_accepted(self.row, s)
            )
            for s, name in zip(everyone, names, strict=True)
        ]

    @strawberry.field(description="Open proposals: newcomers for a seat, late joiners to see the history.")
    async def open_proposals(self, info: Ctx) -> list[PeerGroupProposal]:
        async with info.context.db.sessions() as session:
            rows = await queries.open_proposals(session, self.row.id)
        return await proposal_views(info.context, rows)

    @strawberry.field
    async def cadence(self, info: Ctx) -> Cadence:
        self._open()
        return await cadence_of(info.context, self.row)

    @strawberry.field
    async def meetings(self, info: Ctx) -> list[Meeting]:
        self._open()
        async with info.context.db.sessions() as session:
            found = await queries.meetings_of(session, self.row.id, self.seat.sees_from)
        return [Meeting(row=m, group=self.row) for m in found]

    @strawberry.field(description="The group's meetings as an iCalendar (.ics) file.")
    async def calendar(self, info: Ctx) -> str:
        self._open()
        async with info.context.db.sessions() as session:
            meetings = await queries.meetings_of(session, self.row.id, self.seat.sees_from)
        return calendar.calendar(self.row, meetings, utcnow())

    @strawberry.field(description="The standard protocols and the group's own.")
    async def protocols(self, info: Ctx) -> list[ProtocolDefinition]:
        self._open()
        return await own_protocols(info.context, self.row.id)

    @strawberry.field(description="Development plans the group's members share with it.")
    async def shared_plans(self, info: Ctx) -> list[DevelopmentPlan]:
        self._open()
        async with info.context.db.sessions() as session:
            shared = await plans.shared_with_group(session, self.row)
        return [DevelopmentPlan(row=p, seen_from=self.seat.sees_from) for p in shared]


@strawberry.type
class PeerGroupOverview:
    """What a network's hosts and coordinators see of a group: whether it keeps meeting, nothing said in it."""

    row: strawberry.Private[tables.PeerGroup]
    member_count: int

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    def kind(self) -> str:
        return self.row.kind

    @strawberry.field
    async def cadence(self, info: Ctx) -> Cadence:
        return await cadence_of(info.context, self.row)


async def overview(context: RequestContext, group_id: str) -> PeerGroupOverview:
    async with context.db.sessions() as session:
        group = await session.get_one(tables.PeerGroup, group_id)
        return PeerGroupOverview(row=group, member_count=len(await queries.seats(session, group_id)))
