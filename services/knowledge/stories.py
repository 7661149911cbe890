"""Writing stories: the only code that writes them. A story stays in the circle it was written in until its
author shares it wider; every edit keeps the previous text as a revision."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, InvalidInput
from infra.text import clean_text, one_of
from infra.viewer import Viewer
from services.knowledge import events as ev
from services.knowledge.access import Place, parsed_key
from services.knowledge.mentions import mentioned_ids
from services.knowledge.publications import story_publication
from services.knowledge.rendering import checked_body
from services.knowledge.tables import Story, StoryRevision
from services.knowledge.writing import clean_tags, set_reach
from services.networks.api import clean_areas

STORY_KINDS = ("good_news", "incident_or_dilemma", "learning_journey", "practice_reflection")


@dataclass(frozen=True)
class StoryText:
    title: str
    body: str
    practice_areas: list[str]
    tags: list[str]


BLANK = StoryText("", "", [], [])


def text_of(story: Story) -> StoryText:
    return StoryText(story.title, story.body, story.practice_areas, story.tags)


async def _announce(session: AsyncSession, story: Story, data: ev.StoryEvent) -> None:
    await set_reach(session, story.id, [] if story.withdrawn or story.hidden else story.audience)
    record(session, [new_event(data, story.id, story.audience, story.network_id)])


def _payload(story: Story, kind: type[ev.StoryEvent], **extra: int | bool | list[str]) -> ev.StoryEvent:
    return kind(
        story_id=story.id,
        network_id=story.network_id,
        author_id=story.author_id,
        kind=story.kind,
        publication=story_publication(story),
        **extra,
    )


async def write_story(session: AsyncSession, viewer: Viewer, place: Place, kind: str, text: StoryText) -> Story:
    now = utcnow()
    story = Story(
        network_id=place.network_id,
        author_id=viewer.account_id,
        author_name=viewer.name,
        kind=one_of(kind, STORY_KINDS, "A story's kind"),
        title=clean_text(text.title, "A title", 200, 2),
        body=checked_body(text.body),
        practice_areas=clean_areas(text.practice_areas, set(place.areas)),
        tags=clean_tags(text.tags),
        written_in=place.key,
        audience=[place.key, *place.partners],
        created_at=now,
        updated_at=now,
    )
    session.add(story)
    await session.flush()
    await _announce(session, story, _payload(story, ev.StoryShared, mentioned_ids=mentioned_ids(story.body)))
    return story


async def version_of(session: AsyncSession, story_id: str) -> int:
    """How many times the story was edited: the number of its current version (0: as first written)."""
    return await session.scalar(select(func.count()).where(StoryRevision.story_id == story_id)) or 0


async def edit_story(session: AsyncSession, story: Story, areas: frozenset[str], change: StoryText) -> Story:
    """`change` holds the new text; the old title and body become the next revision."""
    title, body = clean_text(change.title, "A title", 200, 2), checked_body(change.body)
    chosen, tags = clean_areas(change.practice_areas, set(areas)), clean_tags(change.tags)
    number = await version_of(session, story.id) + 1
    revision = StoryRevision(
        story_id=story.id, number=number, title=story.title, body=story.body, audience=list(story.audience)
    )
    revision.written_at = story.updated_at
    session.add(revision)
    story.title, story.body, story.practice_areas, story.tags = title, body, chosen, tags
    story.updated_at = utcnow()
    changed = _payload(story, ev.StoryChanged, revision=number, mentioned_ids=mentioned_ids(body))
    await _announce(session, story, changed)
    return story


async def share_story(session: AsyncSession, story: Story, place: Place) -> Story:
    """Shares the current text; earlier revisions, comments and reactions keep the audience they had."""
    if story.withdrawn:
        raise Conflict("This story was withdrawn; write it anew to share it.")
    if place.key in story.audience:
        raise Conflict("The story is shared with that circle already.")
    story.audience = list(dict.fromkeys([*story.audience, place.key, *place.partners]))
    story.updated_at = utcnow()
    await _announce(session, story, _payload(story, ev.StoryShared, mentioned_ids=mentioned_ids(story.body)))
    return story


def _reached_with(circle: str, story: Story) -> set[str]:
    """A network share also reached its partner networks (the only other network keys a story can hold)."""
    if not circle.startswith("network:"):
        return {circle}
    return {key for key in story.audience if key.startswith("network:") and key != story.written_in}


async def withdraw_story(session: AsyncSession, story: Story, key: str | None) -> Story:
    """Without a key the story is withdrawn from everyone; with one, only from that circle it was shared with."""
    if story.withdrawn:
        raise Conflict("This story was withdrawn already.")
    if key is not None:
        circle = parsed_key(key).key
        if circle == story.written_in or circle not in story.audience:
            raise InvalidInput("Withdraw a story from a circle it was shared with later, or withdraw it entirely.")
        story.audience = [k for k in story.audience if k not in _reached_with(circle, story)]
    else:
        story.withdrawn = True
    story.updated_at = utcnow()
    await _announce(session, story, _payload(story, ev.StoryWithdrawn))
    return story


async def moderate_story(session: AsyncSession, story: Story, hidden: bool) -> None:
    """A reviewer's decision: hidden, it reaches no circle (its author still sees it) and leaves search and feeds."""
    story.hidden = hidden
    await _announce(session, story, _payload(story, ev.StoryModerated, hidden=hidden))
