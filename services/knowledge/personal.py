"""A member's data rights in knowledge: what they wrote, for their export; and when their account is erased, their
writing stays by "a former member" (search and feeds told through the same publications) unless they chose to
erase it too. Other members' words on their stories are theirs, not the member's: neither exported nor erased."""

from typing import TypeVar

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import new_event
from events.outbox import record
from events.publication import Publication
from events.sealing import FORMER_MEMBER
from infra.personal_data import PersonalData, gathered
from services.knowledge import events as ev
from services.knowledge.mentions import renamed
from services.knowledge.publications import story_publication
from services.knowledge.resources import record_resource
from services.knowledge.tables import Comment, Contribution, Rating, Reaction, Resource, Story, StoryRevision
from services.knowledge.writing import set_reach

# What members write that may mention someone.
Written = TypeVar("Written", Story, StoryRevision, Comment)


async def personal_data(session: AsyncSession, member_id: str) -> PersonalData:
    own_stories = select(Story.id).where(Story.author_id == member_id)
    return await gathered(
        session,
        {
            "stories": select(Story).where(Story.author_id == member_id).order_by(Story.created_at),
            "story_revisions": select(StoryRevision)
            .where(StoryRevision.story_id.in_(own_stories))
            .order_by(StoryRevision.story_id, StoryRevision.number),
            "comments": select(Comment).where(Comment.author_id == member_id).order_by(Comment.created_at),
            "resource_contributions": select(Contribution).where(Contribution.author_id == member_id),
            "resources_added": select(Resource).where(Resource.added_by == member_id),
            "ratings": select(Rating).where(Rating.member_id == member_id),
            "reactions": select(Reaction).where(Reaction.member_id == member_id),
        },
    )


async def stories_by(session: AsyncSession, member_id: str) -> set[str]:
    return set(await session.scalars(select(Story.id).where(Story.author_id == member_id)))


async def erase_member(session: AsyncSession, member_id: str, erase_writing: bool) -> None:
    mentioning = await _unmentioned(session, member_id)
    await _stories(session, member_id, erase_writing)
    others = select(Story).where(Story.id.in_(mentioning), Story.author_id != member_id)
    for story in list(await session.scalars(others)):
        await _announce(session, story, story_publication(story))
    touched = set(await session.scalars(select(Contribution.resource_id).where(Contribution.author_id == member_id)))
    touched |= set(await session.scalars(select(Resource.id).where(Resource.added_by == member_id)))
    await _signed(session, member_id, erase_writing)
    await session.execute(update(Resource).where(Resource.added_by == member_id).values(added_by_name=FORMER_MEMBER))
    for resource in await session.scalars(select(Resource).where(Resource.id.in_(touched))):
        await record_resource(session, resource, ev.ResourceAnonymised)


async def _stories(session: AsyncSession, member_id: str, erase_writing: bool) -> None:
    for story in list(await session.scalars(select(Story).where(Story.author_id == member_id))):
        story.author_name = FORMER_MEMBER
        await _announce(session, story, None if erase_writing else story_publication(story))
        if erase_writing:
            await session.delete(story)


async def _announce(session: AsyncSession, story: Story, publication: Publication | None) -> None:
    await set_reach(session, story.id, story.audience if publication else [])
    data = ev.StoryAnonymised(
        story_id=story.id,
        network_id=story.network_id,
        author_id=story.author_id,
        kind=story.kind,
        publication=publication,
    )
    record(session, [new_event(data, story.id, story.audience, story.network_id)])


async def _unmentioned(session: AsyncSession, member_id: str) -> set[str]:
    """Others' mentions of the member keep pointing at them, labelled "a former member"; the stories changed."""
    await _rename_in(session, StoryRevision, member_id)
    await _rename_in(session, Comment, member_id)
    return {story.id for story in await _rename_in(session, Story, member_id)}


async def _rename_in(session: AsyncSession, table: type[Written], member_id: str) -> list[Written]:
    rows = list(await session.scalars(select(table).where(table.body.contains(f"(member:{member_id})"))))
    for row in rows:
        row.body = renamed(row.body, member_id, FORMER_MEMBER)
    return rows


async def _signed(session: AsyncSession, member_id: str, erase_writing: bool) -> None:
    """Comments and contributions: anonymised, or erased; the member's ratings and reactions go either way."""
    for table in (Comment, Contribution):
        mine = table.author_id == member_id
        await session.execute(
            delete(table).where(mine) if erase_writing else update(table).where(mine).values(author_name=FORMER_MEMBER)
        )
    await session.execute(delete(Rating).where(Rating.member_id == member_id))
    await session.execute(delete(Reaction).where(Reaction.member_id == member_id))
