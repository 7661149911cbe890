"""Stories, comments and contributions as moderation sees them: what a member may flag, and a reviewer's
decision to hide or restore one, applied here with the usual change event (a hidden story's publication is None,
so search and feeds drop it; a resource's publication leaves out its hidden contributions)."""

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import new_event
from events.outbox import record
from infra.database import Database
from infra.errors import NotFound
from infra.flaggable import Flaggable
from infra.viewer import Viewer
from services.knowledge import events as ev
from services.knowledge.access import part_reaches, readable_resource, readable_story, shown_to
from services.knowledge.rendering import plain_text
from services.knowledge.resources import record_resource
from services.knowledge.stories import moderate_story
from services.knowledge.tables import Comment, Contribution, Resource, Story

# How much of a story reviewers read in the queue.
EXCERPT = 2000


async def _story(db: Database, viewer: Viewer, story_id: str) -> Flaggable:
    async with db.sessions() as session:
        story = await readable_story(session, viewer, story_id)
    excerpt = f"{story.title}\n\n{plain_text(story.body)[:EXCERPT]}"
    return Flaggable(
        "story", story.id, story.network_id, story.author_id, tuple(story.audience), excerpt, story.created_at
    )


async def _answered(session: AsyncSession, viewer: Viewer, comment: Comment) -> tuple[str, list[str]]:
    """The network and current audience of what the comment answers, if the viewer may see it. Comments on
    harvests are not flaggable here yet: their network is the harvests service's to tell."""
    if comment.target_kind == "story":
        story = await readable_story(session, viewer, comment.target_id)
        return story.network_id, story.audience
    if comment.target_kind == "resource":
        resource = await readable_resource(session, viewer, comment.target_id)
        return resource.network_id, resource.audience
    raise NotFound("No such comment.")


async def _comment(db: Database, viewer: Viewer, comment_id: str) -> Flaggable:
    async with db.sessions() as session:
        comment = await session.get(Comment, comment_id)
        if comment is None or not shown_to(viewer, comment.author_id, comment.hidden):
            raise NotFound("No such comment.")
        network_id, target_now = await _answered(session, viewer, comment)
    if not part_reaches(comment.audience, comment.created_at, target_now, viewer):
        raise NotFound("No such comment.")
    return Flaggable(
        "comment", comment.id, network_id, comment.author_id, tuple(comment.audience), comment.body, comment.created_at
    )


async def _contribution(db: Database, viewer: Viewer, contribution_id: str) -> Flaggable:
    async with db.sessions() as session:
        found = await session.get(Contribution, contribution_id)
        if found is None or not shown_to(viewer, found.author_id, found.hidden):
            raise NotFound("No such contribution.")
        resource = await readable_resource(session, viewer, found.resource_id)
    return Flaggable(
        "contribution",
        found.id,
        resource.network_id,
        found.author_id,
        tuple(resource.audience),
        found.text,
        found.created_at,
    )


FLAGGABLE = {"story": _story, "comment": _comment, "contribution": _contribution}


async def flaggable(db: Database, viewer: Viewer, kind: str, item_id: str) -> Flaggable:
    return await FLAGGABLE[kind](db, viewer, item_id)


async def _hide_story(session: AsyncSession, story_id: str, hidden: bool) -> None:
    story = await session.get(Story, story_id)
    if story is not None:
        await moderate_story(session, story, hidden)


async def _hide_comment(session: AsyncSession, comment_id: str, hidden: bool) -> None:
    comment = await session.get(Comment, comment_id)
    if comment is not None:
        comment.hidden = hidden
        data = ev.CommentModerated(
            comment_id=comment.id, target_id=comment.target_id, author_id=comment.author_id, hidden=hidden
        )
        record(session, [new_event(data, comment.id, comment.audience, None)])


async def _hide_contribution(session: AsyncSession, contribution_id: str, hidden: bool) -> None:
    contribution = await session.get(Contribution, contribution_id)
    resource = await session.get(Resource, contribution.resource_id) if contribution else None
    if contribution is not None and resource is not None:
        contribution.hidden = hidden
        await session.flush()
        await record_resource(session, resource, ev.ResourceModerated, contribution_id=contribution.id, hidden=hidden)


HIDING = {"story": _hide_story, "comment": _hide_comment, "contribution": _hide_contribution}


async def set_hidden(session: AsyncSession, kind: str, item_id: str, hidden: bool) -> None:
    await HIDING[kind](session, item_id, hidden)
