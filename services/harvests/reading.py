"""A harvest as one reader may read it: cited stories show only if the reader may see them or their author
consented; otherwise only that a story shared in confidence was drawn on."""

from dataclasses import dataclass, replace

from sqlalchemy import select

from infra.database import Database
from infra.viewer import Viewer
from services.harvests.citations import sees_story
from services.harvests.commands import SECTIONS
from services.harvests.tables import CitationRequest, Harvest, HarvestItem
from services.knowledge import api as knowledge
from services.knowledge.api import ResourceGlimpse, StoryGlimpse


@dataclass(frozen=True)
class ShownStory:
    glimpse: StoryGlimpse | None  # None: hidden from this reader
    consent: str | None


@dataclass(frozen=True)
class ShownItem:
    row: HarvestItem
    stories: list[ShownStory]
    resources: list[ResourceGlimpse]


def _shown(viewer: Viewer, story: StoryGlimpse | None, request: CitationRequest | None) -> ShownStory:
    """A reader who may see the story reads it as it is; others read the text its author consented to, if any."""
    status = request.status if request else None
    if story is None or sees_story(viewer, story):
        return ShownStory(story, status)
    if request is None or request.consented_title is None:
        return ShownStory(None, status)
    return ShownStory(replace(story, title=request.consented_title, excerpt=request.consented_excerpt or ""), status)


async def read_items(db: Database, viewer: Viewer, harvest: Harvest) -> list[ShownItem]:
    return (await items_by_harvest(db, viewer, [harvest.id]))[harvest.id]


async def items_by_harvest(db: Database, viewer: Viewer, harvest_ids: list[str]) -> dict[str, list[ShownItem]]:
    """Several harvests' items in a fixed number of statements, however many harvests (a list's loader)."""
    async with db.sessions() as session:
        rows = await session.scalars(select(HarvestItem).where(HarvestItem.harvest_id.in_(harvest_ids)))
        items = sorted(rows, key=lambda item: (SECTIONS.index(item.section), item.position))
        requests = await session.scalars(select(CitationRequest).where(CitationRequest.harvest_id.in_(harvest_ids)))
        answers = {(r.harvest_id, r.story_id): r for r in requests}
    stories = await knowledge.story_glimpses(db, [s for item in items for s in item.story_ids])
    resources = await knowledge.resource_glimpses(db, [r for item in items for r in item.resource_ids])
    shown: dict[str, list[ShownItem]] = {harvest_id: [] for harvest_id in harvest_ids}
    for item in items:
        cited = [_shown(viewer, stories.get(s), answers.get((item.harvest_id, s))) for s in item.story_ids]
        shown[item.harvest_id].append(
            ShownItem(item, cited, [resources[r] for r in item.resource_ids if r in resources])
        )
    return shown
