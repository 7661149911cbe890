"""The development plans' part of the GraphQL schema."""

import strawberry
from sqlalchemy import select

from infra.context import Ctx, RequestContext
from services.peer_groups import plans
from services.peer_groups.access import Actor
from services.peer_groups.plan_types import CheckIn, DevelopmentPlan, Goal
from services.peer_groups.tables import DevelopmentPlan as PlanRow


def _actor(context: RequestContext) -> Actor:
    return Actor(context.member(), context.db)


@strawberry.type
class PlanQuery:
    @strawberry.field(description="Your development plan in a network, if you have begun one.")
    async def my_development_plan(self, info: Ctx, network_id: strawberry.ID) -> DevelopmentPlan | None:
        mine = select(PlanRow).where(
            PlanRow.member_id == info.context.member().account_id, PlanRow.network_id == network_id
        )
        async with info.context.db.sessions() as session:
            row = await session.scalar(mine)
        return DevelopmentPlan(row=row) if row else None

    @strawberry.field(description="A plan its member shares with you (their peer group, or their coordinators).")
    async def development_plan(self, info: Ctx, id: strawberry.ID) -> DevelopmentPlan:
        async with info.context.db.sessions() as session:
            plan, seen_from = await plans.visible_plan(session, _actor(info.context), id)
        return DevelopmentPlan(row=plan, seen_from=seen_from)


@strawberry.type
class PlanMutation:
    @strawberry.mutation(description="Who sees your plan: only_me, peer_group or coordinator.")
    async def set_plan_visibility(self, info: Ctx, network_id: strawberry.ID, visibility: str) -> DevelopmentPlan:
        async with info.context.db.transaction() as session:
            return DevelopmentPlan(
                row=await plans.set_visibility(session, _actor(info.context), network_id, visibility)
            )

    @strawberry.mutation(description="Adds a goal, with its milestones, to your plan in the network.")
    async def add_goal(
        self, info: Ctx, network_id: strawberry.ID, title: str, milestones: list[str] | None = None
    ) -> Goal:
        async with info.context.db.transaction() as session:
            return Goal(row=await plans.add_goal(session, _actor(info.context), network_id, title, milestones or []))

    @strawberry.mutation
    async def mark_milestone(self, info: Ctx, goal_id: strawberry.ID, index: int, done: bool = True) -> Goal:
        async with info.context.db.transaction() as session:
            return Goal(row=await plans.mark_milestone(session, info.context.member().account_id, goal_id, index, done))

    @strawberry.mutation(description="Benchmarks a goal, at a meeting or between meetings.")
    async def check_in(
        self,
        info: Ctx,
        goal_id: strawberry.ID,
        progress: int,
        reflection: str = "",
        next_step: str = "",
        meeting_id: strawberry.ID | None = None,
    ) -> CheckIn:
        member = info.context.member().account_id
        async with info.context.db.transaction() as session:
            row = await plans.check_in(session, member, goal_id, meeting_id, progress, (reflection, next_step))
            return CheckIn.of(row)
