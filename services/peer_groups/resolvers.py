"""The peer groups service's part of the GraphQL schema: groups, contracts, meetings and protocol runs."""

from datetime import datetime

import strawberry

from infra.context import Ctx, RequestContext
from services.peer_groups import contract, groups, meetings, queries, runs, tables
from services.peer_groups.access import Actor, coordinated_network, member_group
from services.peer_groups.application_resolvers import ApplicationMutation, ApplicationQuery
from services.peer_groups.meeting_resolvers import MeetingMutation
from services.peer_groups.plan_resolvers import PlanMutation, PlanQuery
from services.peer_groups.programme_resolvers import ProgrammeMutation, ProgrammeQuery
from services.peer_groups.proposal_resolvers import ProposalMutation, ProposalQuery
from services.peer_groups.protocols import Step
from services.peer_groups.run_types import Meeting, ProtocolDefinition, ProtocolRun, run_state
from services.peer_groups.scheme_resolvers import SchemeMutation, SchemeQuery
from services.peer_groups.standard_protocols import STANDARD
from services.peer_groups.types import PeerGroup, PeerGroupOverview, overview


@strawberry.input
class MeetingInput:
    starts_at: datetime
    mode: str = strawberry.field(description="in_person, phone or online.")
    place: str = strawberry.field(default="", description="Where: an address, or the link of an online meeting.")
    minutes: int = 90

    def plan(self) -> meetings.MeetingPlan:
        return meetings.MeetingPlan(self.starts_at, self.mode, self.place, self.minutes)


@strawberry.input
class ProtocolStepInput:
    title: str
    role: str = strawberry.field(description="presenter, each_peer, mentor, mentee or all.")
    seconds: int
    guidance: str = ""
    prompts: list[str] = strawberry.field(default_factory=list)
    pitfalls: list[str] = strawberry.field(default_factory=list, description="Keys, e.g. advice_giving, criticism.")
    presenter_listens_in_silence: bool = False

    def step(self) -> Step:
        return Step(
            self.title,
            self.role,
            self.seconds,
            self.guidance,
            tuple(self.prompts),
            tuple(self.pitfalls),
            self.presenter_listens_in_silence,
        )


def actor(context: RequestContext) -> Actor:
    return Actor(context.member(), context.db)


async def member_view(context: RequestContext, group_id: str) -> PeerGroup:
    async with context.db.sessions() as session:
        group, seat = await member_group(session, context.member().account_id, group_id)
    return PeerGroup(row=group, seat=seat)


@strawberry.type
class GroupQuery:
    @strawberry.field(description="A peer group you are in: its contract, and once you accepted it, its space.")
    async def peer_group(self, info: Ctx, id: strawberry.ID) -> PeerGroup:
        return await member_view(info.context, id)

    @strawberry.field
    async def my_peer_groups(self, info: Ctx) -> list[PeerGroup]:
        async with info.context.db.sessions() as session:
            found = await queries.my_groups(session, info.context.member().account_id)
        return [PeerGroup(row=group, seat=seat) for group, seat in found]

    @strawberry.field(description="The network's groups and whether they keep meeting (hosts and coordinators).")
    async def network_peer_groups(self, info: Ctx, network_id: strawberry.ID) -> list[PeerGroupOverview]:
        await coordinated_network(actor(info.context), network_id, "watch the groups' cadence")
        async with info.context.db.sessions() as session:
            found = await queries.network_groups(session, network_id)
        return [PeerGroupOverview(row=group, member_count=count) for group, count in found]

    @strawberry.field
    async def meeting(self, info: Ctx, id: strawberry.ID) -> Meeting:
        async with info.context.db.sessions() as session:
            group, row = await meetings.group_meeting(session, info.context.member().account_id, id)
        return Meeting(row=row, group=group)

    @strawberry.field
    async def protocol_run(self, info: Ctx, id: strawberry.ID) -> ProtocolRun:
        async with info.context.db.sessions() as session:
            _, row = await runs.group_run(session, info.context.member().account_id, id)
        return await run_state(info.context, row)

    @strawberry.field(description="Good News Analysis, the Incident/Dilemma round and the Veridical Report.")
    def standard_protocols(self) -> list[ProtocolDefinition]:
        return [ProtocolDefinition.of(protocol) for protocol in STANDARD.values()]


@strawberry.type
class GroupMutation:
    @strawberry.mutation(
        description="Forms a group in your network. Members are in it with whoever they name; "
        "hosts and coordinators form groups for others (list yourself to be in it)."
    )
    async def form_peer_group(
        self,
        info: Ctx,
        network_id: strawberry.ID,
        kind: str,
        name: str,
        member_ids: list[strawberry.ID],
        mentor_id: strawberry.ID | None = None,
    ) -> PeerGroupOverview:
        formation = groups.Formation(network_id, kind, name, tuple(member_ids), mentor_id)
        async with info.context.db.transaction() as session:
            group = await groups.form_group(session, actor(info.context), formation)
        return await overview(info.context, group.id)

    @strawberry.mutation
    async def leave_peer_group(self, info: Ctx, peer_group_id: strawberry.ID) -> bool:
        async with info.context.db.transaction() as session:
            await groups.leave_group(session, actor(info.context), peer_group_id)
        return True

    @strawberry.mutation(description="Changes the contract's norms; every member accepts the new version again.")
    async def change_contract(self, info: Ctx, peer_group_id: strawberry.ID, norms: list[str]) -> PeerGroup:
        async with info.context.db.transaction() as session:
            await contract.change_contract(session, info.context.member().account_id, peer_group_id, norms)
        return await member_view(info.context, peer_group_id)

    @strawberry.mutation(description="Accepts the contract version you read; the group's space then opens to you.")
    async def accept_contract(self, info: Ctx, peer_group_id: strawberry.ID, version: int) -> PeerGroup:
        async with info.context.db.transaction() as session:
            await contract.accept_contract(session, info.context.member().account_id, peer_group_id, version)
        return await member_view(info.context, peer_group_id)

    @strawberry.mutation(description="How often the group meets (months apart) and for how long (months).")
    async def set_cadence(
        self, info: Ctx, peer_group_id: strawberry.ID, every_months: int, for_months: int
    ) -> PeerGroup:
        async with info.context.db.transaction() as session:
            await meetings.set_cadence(
                session, info.context.member().account_id, peer_group_id, every_months, for_months
            )
        return await member_view(info.context, peer_group_id)

    @strawberry.mutation(description="Schedules `count` meetings from `first`, one per cadence period.")
    async def schedule_meetings(
        self, info: Ctx, peer_group_id: strawberry.ID, first: MeetingInput, count: int = 1
    ) -> list[Meeting]:
        member = info.context.member().account_id
        async with info.context.db.transaction() as session:
            group = (await member_group(session, member, peer_group_id))[0]
            rows = await meetings.schedule(session, member, peer_group_id, meetings.series(group, first.plan(), count))
        return [Meeting(row=row, group=group) for row in rows]

    @strawberry.mutation(description="Who was there (the other members are recorded as absent).")
    async def record_attendance(
        self, info: Ctx, meeting_id: strawberry.ID, present_member_ids: list[strawberry.ID]
    ) -> Meeting:
        member = info.context.member().account_id
        async with info.context.db.transaction() as session:
            await meetings.record_attendance(session, member, meeting_id, list(present_member_ids))
            group, row = await meetings.group_meeting(session, member, meeting_id)
        return Meeting(row=row, group=group)

    @strawberry.mutation(description="The meeting's notes: confidential to the group.")
    async def write_meeting_notes(self, info: Ctx, meeting_id: strawberry.ID, notes: str) -> Meeting:
        member = info.context.member().account_id
        async with info.context.db.transaction() as session:
            await meetings.write_notes(session, member, meeting_id, notes)
            group, row = await meetings.group_meeting(session, member, meeting_id)
        return Meeting(row=row, group=group)

    @strawberry.mutation(description="A protocol of the group's own, composed of steps.")
    async def define_protocol(
        self, info: Ctx, peer_group_id: strawberry.ID, name: str, steps: list[ProtocolStepInput]
    ) -> ProtocolDefinition:
        drafted = [step.step() for step in steps]
        async with info.context.db.transaction() as session:
            row = await runs.define_protocol(session, info.context.member().account_id, peer_group_id, name, drafted)
            group = await session.get_one(tables.PeerGroup, row.group_id)
            return ProtocolDefinition.of(await runs.find_protocol(session, group, row.id))

    @strawberry.mutation(description="Starts a protocol at a meeting; you facilitate. `protocol` is a key or id.")
    async def start_protocol_run(
        self,
        info: Ctx,
        meeting_id: strawberry.ID,
        protocol: str,
        presenter_id: strawberry.ID,
        mentor_id: strawberry.ID | None = None,
    ) -> ProtocolRun:
        member = info.context.member().account_id
        async with info.context.db.transaction() as session:
            row = await runs.start_run(session, member, meeting_id, protocol, presenter_id, mentor_id)
        return await run_state(info.context, row)

    @strawberry.mutation(description="Ends the current turn (or step); only whoever has the floor may.")
    async def advance_protocol_run(self, info: Ctx, id: strawberry.ID, at_version: int | None = None) -> ProtocolRun:
        async with info.context.db.transaction() as session:
            row = await runs.advance(session, info.context.member().account_id, id, at_version)
        return await run_state(info.context, row)


@strawberry.type
class Query(GroupQuery, ProposalQuery, PlanQuery, SchemeQuery, ApplicationQuery, ProgrammeQuery):
    pass


@strawberry.type
class Mutation(
    GroupMutation,
    MeetingMutation,
    ProposalMutation,
    PlanMutation,
    SchemeMutation,
    ApplicationMutation,
    ProgrammeMutation,
):
    pass
