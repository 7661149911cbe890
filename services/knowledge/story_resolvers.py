"""Stories in the GraphQL schema: reading what reaches you, writing, editing, sharing and withdrawing."""

from typing import Annotated

import strawberry

from infra.context import Ctx
from infra.pagination import Connection, paged
from services.knowledge import queries, stories
from services.knowledge.access import own_story, parsed_key, place_for, readable_story
from services.knowledge.api import glimpse_of
from services.knowledge.neighbours import NEIGHBOURS
from services.knowledge.story_types import Story
from services.knowledge.types import StoryKind
from services.networks import api as networks

CIRCLE = "Only stories shared with this circle (local_group:<id>, peer_group:<id>) that you may read."
AUDIENCE = "An audience key: peer_group:<id>, local_group:<id>, network:<id> or platform."


@strawberry.input
class StoryInput:
    kind: StoryKind
    title: str
    body: str = strawberry.field(description="Markdown, at most 100 KB; links may be http, https or mailto.")
    practice_areas: list[str] = strawberry.field(default_factory=list)
    tags: list[str] = strawberry.field(default_factory=list)


@strawberry.input
class StoryChange:
    title: str | None = None
    body: str | None = None
    practice_areas: list[str] | None = None
    tags: list[str] | None = None


def _text(current: stories.StoryText, change: StoryInput | StoryChange) -> stories.StoryText:
    """What `change` gives, and the current text for what it leaves out."""
    return stories.StoryText(
        title=current.title if change.title is None else change.title,
        body=current.body if change.body is None else change.body,
        practice_areas=current.practice_areas if change.practice_areas is None else change.practice_areas,
        tags=current.tags if change.tags is None else change.tags,
    )


@strawberry.type
class Query:
    @strawberry.field(description="A story you may read.")
    async def story(self, info: Ctx, id: strawberry.ID) -> Story:
        async with info.context.db.sessions() as session:
            return Story.of(await readable_story(session, info.context.member(), id))

    @strawberry.field(description="Stories shared with your circles, newest first.")
    async def stories(
        self,
        info: Ctx,
        network_id: strawberry.ID | None = None,
        kind: StoryKind | None = None,
        practice_area: str | None = None,
        circle: Annotated[str | None, strawberry.argument(description=CIRCLE)] = None,
        author_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Story]:
        place = parsed_key(circle).key if circle else None
        filters = queries.Filters(network_id, practice_area, kind.value if kind else None, place, author_id)
        query = queries.visible_stories(info.context.member(), filters)
        return await paged(info.context.db, query, first, after, Story.of)

    @strawberry.field(description="Stories you wrote, withdrawn ones included.")
    async def my_stories(self, info: Ctx, first: int | None = 20, after: str | None = None) -> Connection[Story]:
        query = queries.visible_stories(info.context.member(), queries.Filters(), mine=True)
        return await paged(info.context.db, query, first, after, Story.of)


@strawberry.type
class Mutation:
    @strawberry.mutation(description=f"Writes a story in one of your circles. {AUDIENCE}")
    async def write_story(self, info: Ctx, network_id: strawberry.ID, audience: str, story: StoryInput) -> Story:
        viewer = info.context.member()
        place = await place_for(info.context.db, viewer, network_id, audience)
        async with info.context.db.transaction() as session:
            row = await stories.write_story(session, viewer, place, story.kind.value, _text(stories.BLANK, story))
        return Story.of(row)

    @strawberry.mutation(description="Edits your story; the previous text is kept as a revision.")
    async def edit_story(self, info: Ctx, id: strawberry.ID, change: StoryChange) -> Story:
        async with info.context.db.transaction() as session:
            row = await own_story(session, info.context.member(), id, "edit")
            areas = frozenset(await networks.practice_areas(info.context.db, row.network_id))
            edited = await stories.edit_story(session, row, areas, _text(stories.text_of(row), change))
            await NEIGHBOURS.story_edited(session, glimpse_of(edited, await stories.version_of(session, edited.id)))
            return Story.of(edited)

    @strawberry.mutation(description=f"Shares your story with one more circle. {AUDIENCE}")
    async def share_story(self, info: Ctx, id: strawberry.ID, audience: str) -> Story:
        viewer = info.context.member()
        async with info.context.db.transaction() as session:
            row = await own_story(session, viewer, id, "share")
            place = await place_for(info.context.db, viewer, row.network_id, audience)
            return Story.of(await stories.share_story(session, row, place))

    @strawberry.mutation(
        description="Withdraws your story from a circle you shared it with, or (no audience) entirely."
    )
    async def withdraw_story(self, info: Ctx, id: strawberry.ID, audience: str | None = None) -> Story:
        async with info.context.db.transaction() as session:
            row = await own_story(session, info.context.member(), id, "withdraw")
            return Story.of(await stories.withdraw_story(session, row, audience))
