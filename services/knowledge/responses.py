"""Reactions and comments on stories, resources and harvests; each reaches exactly its target's audience."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.database import Database
from infra.errors import InvalidInput, NotFound
from infra.text import clean_text, one_of
from infra.viewer import Viewer
from services.knowledge import events as ev
from services.knowledge.access import readable_resource, readable_story
from services.knowledge.mentions import mentioned_ids
from services.knowledge.neighbours import NEIGHBOURS
from services.knowledge.tables import Comment, Reaction

COMMENT_KINDS = ("comment", "reminds_me", "question")
REACTIONS = ("thanks", "resonates", "useful", "inspiring")


@dataclass(frozen=True)
class Target:
    kind: str
    id: str
    audience: list[str]
    network_id: str
    # Who wrote it (a resource: who added it; a harvest: who created it): told of responses to it.
    author_id: str


async def target(db: Database, viewer: Viewer, ids: dict[str, str | None]) -> Target:
    """The one story, resource or harvest named in `ids`, if the viewer may see it."""
    async with db.sessions() as session:
        if story_id := ids.get("story"):
            story = await readable_story(session, viewer, story_id)
            return Target("story", story.id, story.audience, story.network_id, story.author_id)
        if resource_id := ids.get("resource"):
            resource = await readable_resource(session, viewer, resource_id)
            return Target("resource", resource.id, resource.audience, resource.network_id, resource.added_by)
    if harvest_id := ids.get("harvest"):
        found = await NEIGHBOURS.published_harvest(db, harvest_id)
        if found is None or not audience.may_see(found.audience, viewer.audiences):
            raise NotFound("No such harvest.")
        return Target("harvest", found.id, list(found.audience), found.network_id, found.created_by)
    raise InvalidInput("Name a story, a resource or a harvest.")


async def add_comment(session: AsyncSession, viewer: Viewer, on: Target, kind: str, body: str) -> Comment:
    comment = Comment(
        target_kind=on.kind,
        target_id=on.id,
        kind=one_of(kind, COMMENT_KINDS, "A comment's kind"),
        body=clean_text(body, "A comment", 10_000, 1),
        author_id=viewer.account_id,
        author_name=viewer.name,
        created_at=utcnow(),
        audience=list(on.audience),
    )
    session.add(comment)
    await session.flush()
    data = ev.CommentAdded(
        comment_id=comment.id,
        target_kind=on.kind,
        target_id=on.id,
        kind=comment.kind,
        author_id=viewer.account_id,
        body=comment.body,
        target_author_id=on.author_id,
        mentioned_ids=mentioned_ids(comment.body),
    )
    record(session, [new_event(data, on.id, on.audience, on.network_id)])
    return comment


async def react(session: AsyncSession, viewer: Viewer, on: Target, reaction: str, on_: bool) -> None:
    """Adds (on_=True) or takes back a reaction; doing what is done already changes nothing."""
    one_of(reaction, REACTIONS, "A reaction")
    existing = await session.get(Reaction, (on.id, viewer.account_id, reaction))
    if on_ == (existing is not None):
        return
    if existing is not None:
        await session.delete(existing)
    else:
        session.add(
            Reaction(
                target_id=on.id,
                member_id=viewer.account_id,
                reaction=reaction,
                target_kind=on.kind,
                reacted_at=utcnow(),
                audience=list(on.audience),
            )
        )
    data = ev.ReactionChanged(
        target_kind=on.kind,
        target_id=on.id,
        member_id=viewer.account_id,
        reaction=reaction,
        on=on_,
        target_author_id=on.author_id,
    )
    record(session, [new_event(data, on.id, on.audience, on.network_id)])
