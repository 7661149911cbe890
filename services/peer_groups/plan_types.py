"""GraphQL types of development plans: goals, milestones and check-ins."""

from datetime import datetime

import strawberry

from infra.context import Ctx
from services.peer_groups import loaders, tables


@strawberry.type
class Milestone:
    title: str
    done: bool


@strawberry.type
class CheckIn:
    id: strawberry.ID
    meeting_id: strawberry.ID | None
    progress: int = strawberry.field(description="Progress towards the goal, 0 to 100.")
    reflection: str
    next_step: str = strawberry.field(description="What I'll try next.")
    created_at: datetime

    @classmethod
    def of(cls, row: tables.CheckIn) -> "CheckIn":
        meeting = strawberry.ID(row.meeting_id) if row.meeting_id else None
        return cls(
            id=strawberry.ID(row.id),
            meeting_id=meeting,
            progress=row.progress,
            reflection=row.reflection,
            next_step=row.next_step,
            created_at=row.created_at,
        )


@strawberry.type
class Goal:
    row: strawberry.Private[tables.Goal]
    # A peer who joined a group later sees the check-ins made from then on (None: all of them).
    seen_from: strawberry.Private[datetime | None] = None

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def title(self) -> str:
        return self.row.title

    @strawberry.field
    def milestones(self) -> list[Milestone]:
        return [Milestone(title=m["title"], done=m["done"]) for m in self.row.milestones]

    @strawberry.field
    async def check_ins(self, info: Ctx) -> list[CheckIn]:
        rows = await info.context.loader(loaders.check_ins_by_goal).load((self.row.id, self.seen_from))
        return [CheckIn.of(row) for row in rows]


@strawberry.type
class DevelopmentPlan:
    row: strawberry.Private[tables.DevelopmentPlan]
    seen_from: strawberry.Private[datetime | None] = None

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def member_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.member_id)

    @strawberry.field
    def network_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.network_id)

    @strawberry.field(description="Who sees it: only_me, peer_group or coordinator.")
    def visibility(self) -> str:
        return self.row.visibility

    @strawberry.field
    async def goals(self, info: Ctx) -> list[Goal]:
        rows = await info.context.loader(loaders.goals_by_plan).load(self.row.id)
        return [Goal(row=row, seen_from=self.seen_from) for row in rows]
