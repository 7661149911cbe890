"""GraphQL types of resources, members' contributions and ratings."""

from datetime import datetime

import strawberry

from infra.context import Ctx
from infra.rows import from_row
from services.knowledge import loaders, tables
from services.knowledge.access import shown_to
from services.knowledge.types import (
    Author,
    Comment,
    ContributionKind,
    ReactionCount,
    ResourceKind,
    comments_on,
    reactions_to,
)


@strawberry.type
class Contribution:
    id: strawberry.ID
    kind: ContributionKind
    text: str
    author: Author = strawberry.field(description="Who signed it.")
    created_at: datetime
    hidden: bool = strawberry.field(description="Hidden by a reviewer: only its author still sees it.")

    @classmethod
    def of(cls, row: tables.Contribution) -> "Contribution":
        author = Author.of(row.author_id, row.author_name)
        return from_row(cls, row, kind=ContributionKind(row.kind), author=author, hidden=bool(row.hidden))


@strawberry.type
class Ratings:
    average: float | None
    count: int
    mine: int | None


@strawberry.type
class Resource:
    id: strawberry.ID
    kind: ResourceKind
    title: str
    url: str | None
    authors: list[str]
    year: int | None
    description: str
    practice_areas: list[str]
    network_id: strawberry.ID
    audience: list[str]
    added_by: Author
    row: strawberry.Private[tables.Resource]

    @classmethod
    def of(cls, row: tables.Resource) -> "Resource":
        return cls(
            id=strawberry.ID(row.id),
            kind=ResourceKind(row.kind),
            title=row.title,
            url=row.url,
            authors=row.authors,
            year=row.year,
            description=row.description,
            practice_areas=row.practice_areas,
            network_id=strawberry.ID(row.network_id),
            audience=row.audience,
            added_by=Author.of(row.added_by, row.added_by_name),
            row=row,
        )

    @strawberry.field(description="Members' signed experiences and evaluation findings.")
    async def contributions(self, info: Ctx) -> list[Contribution]:
        rows = await info.context.loader(loaders.contributions_by_resource).load(self.row.id)
        return [Contribution.of(r) for r in rows if shown_to(info.context.viewer, r.author_id, r.hidden)]

    @strawberry.field
    async def ratings(self, info: Ctx) -> Ratings:
        rows = await info.context.loader(loaders.ratings_by_resource).load(self.row.id)
        me = info.context.viewer.account_id if info.context.viewer else None
        average = round(sum(r.stars for r in rows) / len(rows), 2) if rows else None
        return Ratings(average=average, count=len(rows), mine=next((r.stars for r in rows if r.member_id == me), None))

    @strawberry.field
    async def comments(self, info: Ctx) -> list[Comment]:
        return await comments_on(info, self.row.id, self.row.audience)

    @strawberry.field
    async def reactions(self, info: Ctx) -> list[ReactionCount]:
        return await reactions_to(info, self.row.id, self.row.audience)


@strawberry.type
class ResourceAdded:
    resource: Resource
    merged: bool = strawberry.field(description="True when it was a duplicate, merged into an existing resource.")
