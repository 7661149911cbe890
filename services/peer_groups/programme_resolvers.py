"""A programme while it runs, in the GraphQL schema: first-meeting preparations, early endings, and the
coordinator dashboard with its CSV."""

from datetime import datetime

import strawberry

from infra.columns import utcnow
from infra.context import Ctx, RequestContext
from infra.errors import InvalidInput
from services.networks import api as networks
from services.peer_groups import dashboard, endings, preparations
from services.peer_groups.access import coordinated_network
from services.peer_groups.application_types import FirstMeetingPreparation
from services.peer_groups.dashboard_facts import network_facts
from services.peer_groups.dashboard_types import CoordinatorDashboard
from services.peer_groups.scheme_resolvers import scheme_actor
from services.peer_groups.types import PeerGroupOverview, overview


async def _local_groups(context: RequestContext, network_id: str) -> dict[str, tuple[str, set[str]]]:
    """The network's local groups: id -> (name, member ids)."""
    found: dict[str, tuple[str, set[str]]] = {}
    members = await networks.member_ids(context.db, network_id)
    for member_id, groups in (await networks.local_groups_of_members(context.db, members)).items():
        for group in (g for g in groups if g.network_id == network_id):
            found.setdefault(group.id, (group.name, set()))[1].add(member_id)
    return found


def _moment(as_of: datetime | None) -> datetime:
    if as_of is not None and as_of.tzinfo is None:
        raise InvalidInput("Give the moment with its time zone offset.")
    return as_of or utcnow()


@strawberry.type
class ProgrammeQuery:
    @strawberry.field(
        description="How the network's programmes stand as of a moment (now by default): counts and "
        "rates only, small cells withheld (hosts and coordinators)."
    )
    async def coordinator_dashboard(
        self, info: Ctx, network_id: strawberry.ID, as_of: datetime | None = None
    ) -> CoordinatorDashboard:
        now = _moment(as_of)
        await coordinated_network(scheme_actor(info.context), network_id, "see the coordinator dashboard")
        summary = await networks.network_summary(info.context.db, network_id)
        async with info.context.db.sessions() as session:
            facts = await network_facts(session, network_id, now)
        local = await _local_groups(info.context, network_id)
        programme = dashboard.programme(facts, summary.name if summary else "", local)
        return CoordinatorDashboard.of(now, programme, dashboard.diversity(facts))

    @strawberry.field(description="The group's first-meeting preparations (its members who accepted the contract).")
    async def first_meeting_preparations(
        self, info: Ctx, peer_group_id: strawberry.ID
    ) -> list[FirstMeetingPreparation]:
        async with info.context.db.sessions() as session:
            rows = await preparations.preparations(session, info.context.member().account_id, peer_group_id)
        return [FirstMeetingPreparation.of(row) for row in rows]


@strawberry.type
class ProgrammeMutation:
    @strawberry.mutation(
        description="Your preparation for the group's first meeting: expectations, goals, how to "
        "meet (having accepted its agreement). It stays in the group."
    )
    async def prepare_first_meeting(
        self, info: Ctx, peer_group_id: strawberry.ID, expectations: str, goals: str, how_to_meet: str
    ) -> FirstMeetingPreparation:
        draft = preparations.PreparationDraft(expectations, goals, how_to_meet)
        async with info.context.db.transaction() as session:
            row = await preparations.prepare(session, info.context.member().account_id, peer_group_id, draft)
            return FirstMeetingPreparation.of(row)

    @strawberry.mutation(
        description="Ends a mentoring relationship early, without blame: no reason asked, nobody "
        "named; its mentees and mentors may be matched again."
    )
    async def end_mentoring(self, info: Ctx, peer_group_id: strawberry.ID) -> PeerGroupOverview:
        async with info.context.db.transaction() as session:
            group = await endings.end_mentoring(session, info.context.member().account_id, peer_group_id)
        return await overview(info.context, group.id)
