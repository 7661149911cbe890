"""What other services may ask of harvests."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from services.harvests import citations
from services.harvests.hiding import flaggable as flaggable
from services.harvests.hiding import set_hidden as set_hidden
from services.harvests.personal import erase_member as erase_member
from services.harvests.personal import personal_data as personal_data
from services.harvests.tables import Harvest
from services.knowledge.api import StoryGlimpse


@dataclass(frozen=True)
class PublishedHarvest:
    id: str
    network_id: str
    title: str
    audience: tuple[str, ...]
    created_by: str


async def published_harvest(db: Database, harvest_id: str) -> PublishedHarvest | None:
    """A published harvest and who it reaches; drafts and missing ids give None."""
    async with db.sessions() as session:
        harvest = await session.get(Harvest, harvest_id)
    if harvest is None or harvest.status != "published":
        return None
    return PublishedHarvest(harvest.id, harvest.network_id, harvest.title, tuple(harvest.audience), harvest.created_by)


async def story_edited(session: AsyncSession, story: StoryGlimpse) -> None:
    """In the edit's own transaction: harvests citing the story with consent to an earlier version ask again."""
    await citations.ask_again(session, story)
