"""Citing stories and resources in a harvest, and the author's consent a confidential story needs."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.database import Database
from infra.errors import NotFound
from infra.viewer import Viewer
from services.harvests import events as ev
from services.harvests.tables import CitationRequest, Harvest
from services.knowledge import api as knowledge
from services.knowledge.api import ResourceGlimpse, StoryGlimpse


@dataclass(frozen=True)
class Cited:
    stories: list[StoryGlimpse]
    resources: list[ResourceGlimpse]


def sees_story(viewer: Viewer, story: StoryGlimpse) -> bool:
    return story.author_id == viewer.account_id or audience.admits(
        story.audience, story.written_at, viewer.audiences, viewer.sees_from
    )


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
    record(session, [new_event(data, request.id, list(story.audience), story.network_id)])


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
                harvest_id=harvest.id,
                story_id=story.id,
                author_id=story.author_id,
                asked_at=utcnow(),
                version=story.version,
            )
            session.add(request)
            await session.flush()
            _record(session, request, story, ev.CitationRequested)


async def ask_again(session: AsyncSession, story: StoryGlimpse) -> None:
    """After an edit: a consent covers the version it was given for, so each harvest citing the story with consent
    to an earlier version asks its author again; until they answer, it keeps showing the text they consented to."""
    outdated = select(CitationRequest).where(
        CitationRequest.story_id == story.id,
        CitationRequest.status == "given",
        CitationRequest.version < story.version,
    )
    for request in await session.scalars(outdated):
        request.status, request.version = "pending", story.version
        request.asked_at, request.answered_at = utcnow(), None
        _record(session, request, story, ev.CitationRequested)


def consented(request: CitationRequest | None) -> bool:
    """Whether some version of the story may be shown: the author's last answer was a consent."""
    return request is not None and request.consented_title is not None


async def consents(session: AsyncSession, harvest_id: str) -> dict[str, CitationRequest]:
    """story id -> its request: pending, given or refused, and the text last consented to."""
    rows = await session.scalars(select(CitationRequest).where(CitationRequest.harvest_id == harvest_id))
    return {row.story_id: row for row in rows}


async def answer(
    session: AsyncSession, db: Database, viewer: Viewer, request_id: str, consent: bool
) -> CitationRequest:
    """The author consents to the story as it is now, or refuses; they may change their mind, and a refusal hides
    the story again."""
    request = await session.get(CitationRequest, request_id)
    if request is None or request.author_id != viewer.account_id:
        raise NotFound("No such citation request.")
    story = (await knowledge.story_glimpses(db, [request.story_id])).get(request.story_id)
    request.status = "given" if consent else "refused"
    request.answered_at = utcnow()
    shown = story if consent else None
    request.consented_title, request.consented_excerpt = (shown.title, shown.excerpt) if shown else (None, None)
    if shown:
        request.version = shown.version
    if story is not None:
        _record(session, request, story, ev.CitationAnswered)
    return request
