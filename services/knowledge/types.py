"""GraphQL object types of the knowledge service."""

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from infra import pagination
from infra.context import RequestContext
from services.knowledge import loaders, tables

Ctx = Info[RequestContext, None]


@strawberry.enum
class StoryKind(Enum):
    GOOD_NEWS = "good_news"
    INCIDENT_OR_DILEMMA = "incident_or_dilemma"
    LEARNING_JOURNEY = "learning_journey"
    PRACTICE_REFLECTION = "practice_reflection"


@strawberry.enum
class ResourceKind(Enum):
    BOOK = "book"
    ARTICLE = "article"
    TOOL = "tool"
    PROGRAMME = "programme"
    LINK = "link"


@strawberry.enum
class ContributionKind(Enum):
    EXPERIENCE = "experience"
    EVALUATION_FINDING = "evaluation_finding"


@strawberry.enum(description='A comment, a question, or "that reminds me of when I…".')
class CommentKind(Enum):
    COMMENT = "comment"
    REMINDS_ME = "reminds_me"
    QUESTION = "question"


@strawberry.enum
class ReactionKind(Enum):
    THANKS = "thanks"
    RESONATES = "resonates"
    USEFUL = "useful"
    INSPIRING = "inspiring"


def paged(context: RequestContext, query, first: int | None, after: str | None, wrap):  # type: ignore[no-untyped-def]
    return pagination.paged(context.db, query, first, after, wrap)


@strawberry.type
class Author:
    id: strawberry.ID
    name: str


@strawberry.type
class Comment:
    row: strawberry.Private[tables.Comment]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def kind(self) -> CommentKind:
        return CommentKind(self.row.kind)

    @strawberry.field
    def body(self) -> str:
        return self.row.body

    @strawberry.field
    def author(self) -> Author:
        return Author(id=strawberry.ID(self.row.author_id), name=self.row.author_name)

    @strawberry.field
    def created_at(self) -> datetime:
        return self.row.created_at


@strawberry.type
class ReactionCount:
    reaction: ReactionKind
    count: int
    mine: bool


async def comments_on(info: Ctx, target_id: str) -> list[Comment]:
    return [Comment(row=c) for c in await info.context.loader(loaders.comments_by_target).load(target_id)]


async def reactions_to(info: Ctx, target_id: str) -> list[ReactionCount]:
    rows = await info.context.loader(loaders.reactions_by_target).load(target_id)
    me = info.context.viewer.account_id if info.context.viewer else None
    return [
        ReactionCount(reaction=kind, count=len(given), mine=any(r.member_id == me for r in given))
        for kind in ReactionKind
        if (given := [r for r in rows if r.reaction == kind.value])
    ]
