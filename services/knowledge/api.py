"""What other services may ask of knowledge: glimpses of stories and resources, with the audience they reach;
and how any Markdown members write reads: `plain_text` (excerpts, snippets, search), `readable_html` (pages)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from infra.database import Database
from services.knowledge.counts import Responses as Responses
from services.knowledge.counts import response_counts as response_counts
from services.knowledge.hiding import FLAGGABLE as FLAGGABLE
from services.knowledge.hiding import flaggable as flaggable
from services.knowledge.hiding import set_hidden as set_hidden
from services.knowledge.personal import erase_member as erase_member
from services.knowledge.personal import personal_data as personal_data
from services.knowledge.personal import stories_by as stories_by
from services.knowledge.rendering import plain_text as plain_text
from services.knowledge.rendering import readable_html as readable_html
from services.knowledge.retention import forget_withdrawn as forget_withdrawn
from services.knowledge.tables import Resource, Story, StoryRevision

EXCERPT = 280


@dataclass(frozen=True)
class StoryGlimpse:
    id: str
    network_id: str
    author_id: str
    author_name: str
    title: str
    excerpt: str
    audience: tuple[str, ...]
    # When it was first written: a late joiner of its peer group sees it only if written from their seat on.
    written_at: datetime
    # How many times it was edited: which version of its text a glimpse shows (0: as first written).
    version: int = 0

    @property
    def confidential(self) -> bool:
        """Written in a peer group and never shared beyond peer groups."""
        return all(key.startswith("peer_group:") for key in self.audience)


@dataclass(frozen=True)
class ResourceGlimpse:
    id: str
    network_id: str
    title: str
    url: str | None
    authors: tuple[str, ...]
    year: int | None
    audience: tuple[str, ...]


def _excerpt(body: str) -> str:
    flat = " ".join(plain_text(body).split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rsplit(" ", 1)[0] + "…"


def glimpse_of(story: Story, version: int) -> StoryGlimpse:
    return StoryGlimpse(
        story.id,
        story.network_id,
        story.author_id,
        story.author_name,
        story.title,
        _excerpt(story.body),
        tuple(story.audience),
        story.created_at,
        version,
    )


async def story_glimpses(db: Database, ids: list[str]) -> dict[str, StoryGlimpse]:
    """The stories among `ids` that exist and are not withdrawn."""
    edits = select(func.count()).where(StoryRevision.story_id == Story.id).scalar_subquery()
    query = select(Story, edits).where(Story.id.in_(ids), Story.withdrawn.is_(False))
    async with db.sessions() as session:
        return {s.id: glimpse_of(s, version) for s, version in (await session.execute(query)).all()}


async def resource_glimpses(db: Database, ids: list[str]) -> dict[str, ResourceGlimpse]:
    async with db.sessions() as session:
        return {
            r.id: ResourceGlimpse(r.id, r.network_id, r.title, r.url, tuple(r.authors), r.year, tuple(r.audience))
            for r in await session.scalars(select(Resource).where(Resource.id.in_(ids)))
        }
