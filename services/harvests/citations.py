"""Citing stories and resources in a harvest, and the author's consent a confidential story needs."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.outbox import record
from infra.columns import utcnow
from infra.database import Database
from infra.errors import NotFound
from infra.viewer import Viewer
from services.harvests import events as ev
from services.harvests.publications import event
from services.harvests.tables import CitationRequest, Harvest
from services.knowledge import api as knowledge
from services.knowledge.api import ResourceGlimpse, StoryGlimpse


@dataclass(frozen=True)
class Cited:
    stories: list[StoryGlimpse]
    resources: list[ResourceGlimpse]


def sees_story(viewer: Viewer, story: StoryGlimpse) -> bool:
    return story.author_id == viewer.account_id or audience.may_see(story.audience, viewer.audiences)


async def cited(db: Database, viewer: Viewer, story_ids: list[str], resource_ids: list[str]) -> Cited:
    """What a host may cite: only stories and resources they may see themselves."""
    stories = await knowledge.story_glimpses(db, story_ids)
    resources = await knowledge.resource_glimpses(db, resource_ids)
    if any(i not in stories or not sees_story(viewer, stories[i]) for i in story_ids):
        raise NotFound("No such story.")
    if any(i not in resources or not audience.may_see(resources[i].audience, viewer.audiences) for i in resource_ids):
        raise NotFound("No such resource.")
    return Cited([stories[i] for i in dict.fromkeys(story_ids)], [resources[i] for i in dict.fromkeys(resource_ids)])


def _record(session: AsyncSession, request: CitationRequest, story: StoryGlimpse, kind: type[ev.CitationEvent]) -> None:
    data = kind(
        request_id=request.id,
        harvest_id=request.harvest_id,
        story_id=request.story_id,
        author_id=request.author_id,
        status=request.status,
    )
    record(session, [event(data, request.id, list(story.audience), story.network_id)])


async def ask_consent(session: AsyncSession, harvest: Harvest, stories: list[StoryGlimpse]) -> None:
    """Opens a request to each confidential story's author, once per harvest and story."""
    for story in stories:
        if not story.confidential:
            continue
        asked = select(CitationRequest.id).where(
            CitationRequest.harvest_id == harvest.id, CitationRequest.story_id == story.id
        )
        if await session.scalar(asked) is None:
            request = CitationRequest(
                harvest_id=harvest.id, story_id=story.id, author_id=story.author_id, asked_at=utcnow()
            )
            session.add(request)
            await session.flush()
            _record(session, request, story, ev.CitationRequested)


async def consents(session: AsyncSession, harvest_id: str) -> dict[str, str]:
    """story id -> pending, given or refused."""
    rows = await session.execute(
        select(CitationRequest.story_id, CitationRequest.status).where(CitationRequest.harvest_id == harvest_id)
    )
    return dict(rows.all())


async def answer(
    session: AsyncSession, db: Database, viewer: Viewer, request_id: str, consent: bool
) -> CitationRequest:
    """The author consents or refuses; they may change their mind, and a refusal hides the story again."""
    request = await session.get(CitationRequest, request_id)
    if request is None or request.author_id != viewer.account_id:
        raise NotFound("No such citation request.")
    story = (await knowledge.story_glimpses(db, [request.story_id])).get(request.story_id)
    request.status = "given" if consent else "refused"
    request.answered_at = utcnow()
    if story is not None:
        _record(session, request, story, ev.CitationAnswered)
    return request
