"""Hosts edit a harvest's title and summary, a draft's or a published one's. A published harvest's change goes out
with its publication (harvests.harvest.edited): search and feeds show the new text, and nobody is told of the
harvest again as if newly published. Its items stay final once published."""

from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.text import clean_text
from services.harvests import events as ev
from services.harvests.commands import announce
from services.harvests.tables import Harvest


async def edit_harvest(session: AsyncSession, harvest: Harvest, title: str, summary: str) -> Harvest:
    # Both checked before either changes: refused input leaves the harvest as it was.
    harvest.title, harvest.summary = clean_text(title, "A title", 200, 2), clean_text(summary, "A summary", 20_000)
    harvest.updated_at = utcnow()
    await announce(session, harvest, ev.HarvestEdited if harvest.status == "published" else ev.HarvestDraftChanged)
    return harvest
