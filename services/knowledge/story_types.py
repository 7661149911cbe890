"""GraphQL types of stories and their revisions."""

from datetime import datetime

import strawberry

from events.audience import Audience, AudienceKind
from infra.context import Ctx, RequestContext
from services.knowledge import loaders, rendering, tables
from services.knowledge.access import part_reaches
from services.knowledge.types import Author, Comment, ReactionCount, StoryKind, comments_on, reactions_to


@strawberry.type
class StoryRevision:
    number: int
    title: str
    body: str
    written_at: datetime


def _shown_keys(keys: list[str], context: RequestContext, author_id: str) -> list[str]:
    """Peer groups are named only to their members (and the author): the id alone says who met."""
    viewer = context.viewer
    mine = viewer is not None and viewer.account_id == author_id
    return [
        k
        for k in keys
        if mine or Audience.parse(k).kind is not AudienceKind.PEER_GROUP or k in context.viewer_audiences
    ]


@strawberry.type
class Story:
    id: strawberry.ID
    kind: StoryKind
    title: str
    body: str = strawberry.field(description="The Markdown the author wrote.")
    hidden: bool = strawberry.field(description="Hidden by a reviewer: only its author still sees it.")
    practice_areas: list[str]
    tags: list[str]
    network_id: strawberry.ID
    withdrawn: bool
    author: Author
    created_at: datetime
    updated_at: datetime
    row: strawberry.Private[tables.Story]

    @classmethod
    def of(cls, row: tables.Story) -> "Story":
        return cls(
            id=strawberry.ID(row.id),
            kind=StoryKind(row.kind),
            title=row.title,
            body=row.body,
            hidden=bool(row.hidden),
            practice_areas=row.practice_areas,
            tags=row.tags,
            network_id=strawberry.ID(row.network_id),
            withdrawn=row.withdrawn,
            author=Author.of(row.author_id, row.author_name),
            created_at=row.created_at,
            updated_at=row.updated_at,
            row=row,
        )

    @strawberry.field(description="The body as safe HTML: no script, raw HTML or unsafe link survives.")
    def html(self) -> str:
        return rendering.render(self.row.body)

    @strawberry.field(description="The circle it was written in.")
    def written_in(self, info: Ctx) -> str | None:
        return next(iter(_shown_keys([self.row.written_in], info.context, self.row.author_id)), None)

    @strawberry.field(description="Audience keys of every circle it reaches now.")
    def audience(self, info: Ctx) -> list[str]:
        return _shown_keys(self.row.audience, info.context, self.row.author_id)

    @strawberry.field(description="Earlier versions, oldest first.")
    async def revisions(self, info: Ctx) -> list[StoryRevision]:
        # Only those that reached the viewer while they were current (and still do); all of them to the author.
        viewer = info.context.viewer
        mine = viewer is not None and viewer.account_id == self.row.author_id
        rows = await info.context.loader(loaders.revisions_by_story).load(self.row.id)
        return [
            StoryRevision(number=r.number, title=r.title, body=r.body, written_at=r.written_at)
            for r in rows
            if mine or part_reaches(r.audience, r.written_at, self.row.audience, viewer)
        ]

    @strawberry.field
    async def comments(self, info: Ctx) -> list[Comment]:
        return await comments_on(info, self.row.id, self.row.audience)

    @strawberry.field
    async def reactions(self, info: Ctx) -> list[ReactionCount]:
        return await reactions_to(info, self.row.id, self.row.audience)
