"""Hosts edit a harvest's title and summary, a draft's or a published one's. A published harvest's change goes out
with its publication (harvests.harvest.edited): search and feeds show the new text, and nobody is told of the
harvest again as if newly published. Its items stay final once published."""

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.context import Ctx
from infra.text import clean_text
from services.harvests import events as ev
from services.harvests.access import hosted_harvest
from services.harvests.commands import announce
from services.harvests.tables import Harvest as HarvestRow
from services.harvests.types import Harvest


async def edit_harvest(session: AsyncSession, harvest: HarvestRow, title: str, summary: str) -> HarvestRow:
    # Both checked before either changes: refused input leaves the harvest as it was.
    harvest.title, harvest.summary = clean_text(title, "A title", 200, 2), clean_text(summary, "A summary", 20_000)
    harvest.updated_at = utcnow()
    await announce(session, harvest, ev.HarvestEdited if harvest.status == "published" else ev.HarvestDraftChanged)
    return harvest


@strawberry.type
class EditMutation:
    @strawberry.mutation(description="Edits a harvest's title and summary (Markdown): its network's hosts only.")
    async def edit_harvest(self, info: Ctx, id: strawberry.ID, title: str, summary: str) -> Harvest:
        async with info.context.db.transaction() as session:
            harvest = await hosted_harvest(session, info.context.member(), id)
            return Harvest(row=await edit_harvest(session, harvest, title, summary))
