"""Editing a harvest's title and summary in the GraphQL schema (see editing.py)."""

import strawberry

from infra.context import Ctx
from services.harvests.access import hosted_harvest
from services.harvests.editing import edit_harvest
from services.harvests.types import Harvest


@strawberry.type
class EditMutation:
    @strawberry.mutation(description="Edits a harvest's title and summary (Markdown): its network's hosts only.")
    async def edit_harvest(self, info: Ctx, id: strawberry.ID, title: str, summary: str) -> Harvest:
        async with info.context.db.transaction() as session:
            harvest = await hosted_harvest(session, info.context.member(), id)
            return Harvest(row=await edit_harvest(session, harvest, title, summary))
