"""A harvest as one reader may read it: cited stories show only if the reader may see them or their author
consented; otherwise only that a story shared in confidence was drawn on."""

from dataclasses import dataclass, replace

from infra.database import Database
from infra.viewer import Viewer
from services.harvests.citations import consents, sees_story
from services.harvests.commands import items_of
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
    async with db.sessions() as session:
        items = await items_of(session, harvest.id)
        answers = await consents(session, harvest.id)
    stories = await knowledge.story_glimpses(db, [s for item in items for s in item.story_ids])
    resources = await knowledge.resource_glimpses(db, [r for item in items for r in item.resource_ids])
    return [
        ShownItem(
            item,
            [_shown(viewer, stories.get(s), answers.get(s)) for s in item.story_ids],
            [resources[r] for r in item.resource_ids if r in resources],
        )
        for item in items
    ]
