"""GraphQL of harvests' follow-ups: a gathering's agenda carries the open questions and actions of the circle's
previous gathering's harvests, and an action's owner marks it done there."""

from datetime import date, datetime

import strawberry

from infra.context import Ctx
from infra.database import Database
from infra.viewer import Viewer
from services.gatherings import api as gatherings
from services.harvests import actions
from services.harvests.item_types import HarvestItem
from services.harvests.reading import read_items
from services.harvests.tables import Harvest


@strawberry.type(description="An open question or action of the circle's previous gathering's harvest.")
class FollowUp:
    item_id: strawberry.ID
    harvest_id: strawberry.ID
    harvest_title: str
    section: str = strawberry.field(description="open_questions or actions.")
    text: str
    owner_id: strawberry.ID | None
    owner_name: str | None
    due_on: date | None
    done_at: datetime | None

    @classmethod
    def of(cls, item: actions.FollowUp) -> "FollowUp":
        return cls(
            item_id=strawberry.ID(item.item_id),
            harvest_id=strawberry.ID(item.harvest_id),
            harvest_title=item.harvest_title,
            section=item.section,
            text=item.text,
            owner_id=strawberry.ID(item.owner_id) if item.owner_id else None,
            owner_name=item.owner_name,
            due_on=item.due_on,
            done_at=item.done_at,
        )


async def shown_item(db: Database, viewer: Viewer, harvest: Harvest, item_id: str) -> HarvestItem:
    """One item of the harvest as the viewer may read it."""
    shown = await read_items(db, viewer, harvest)
    return HarvestItem(shown=next(s for s in shown if s.row.id == item_id))


CARRIED_OVER = (
    "What a gathering's draft agenda carries over: the open questions and actions (with owner and due "
    "date) of the published harvests of its circle's previous gathering."
)


@strawberry.type
class ActionQuery:
    @strawberry.field(description=CARRIED_OVER)
    async def gathering_follow_ups(self, info: Ctx, gathering_id: strawberry.ID) -> list[FollowUp]:
        db = info.context.db
        before = await gatherings.previous_seen(db, info.context.member(), gathering_id)
        if before is None:
            return []
        async with db.sessions() as session:
            return [FollowUp.of(item) for item in await actions.follow_ups(session, before)]


@strawberry.type
class ActionMutation:
    @strawberry.mutation(description="Marks an action you own done (or not done again), as followed up.")
    async def follow_up_action(self, info: Ctx, harvest_item_id: strawberry.ID, done: bool = True) -> HarvestItem:
        viewer, db = info.context.member(), info.context.db
        async with db.transaction() as session:
            item = await actions.mark(session, viewer, harvest_item_id, done)
            harvest = await session.get_one(Harvest, item.harvest_id)
        return await shown_item(db, viewer, harvest, item.id)
