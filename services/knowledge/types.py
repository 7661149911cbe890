"""GraphQL object types of the knowledge service."""

from datetime import datetime
from enum import Enum

import strawberry

from infra.context import Ctx
from infra.rows import from_row
from services.knowledge import loaders, tables
from services.knowledge.access import part_reaches, shown_to


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


@strawberry.type
class Author:
    id: strawberry.ID
    name: str

    @classmethod
    def of(cls, author_id: str, name: str) -> "Author":
        return cls(id=strawberry.ID(author_id), name=name)


@strawberry.type
class Comment:
    id: strawberry.ID
    kind: CommentKind
    body: str
    author: Author
    created_at: datetime
    hidden: bool = strawberry.field(description="Hidden by a reviewer: only its author still sees it.")

    @classmethod
    def of(cls, row: tables.Comment) -> "Comment":
        author = Author.of(row.author_id, row.author_name)
        return from_row(cls, row, kind=CommentKind(row.kind), author=author, hidden=bool(row.hidden))


@strawberry.type
class ReactionCount:
    reaction: ReactionKind
    count: int
    mine: bool


async def comments_on(info: Ctx, target_id: str, target_now: list[str]) -> list[Comment]:
    """The comments on a target the viewer may see, that reach them too (see `part_reaches`)."""
    rows = await info.context.loader(loaders.comments_by_target).load(target_id)
    viewer = info.context.viewer
    return [
        Comment.of(c)
        for c in rows
        if part_reaches(c.audience, c.created_at, target_now, viewer) and shown_to(viewer, c.author_id, c.hidden)
    ]


async def reactions_to(info: Ctx, target_id: str, target_now: list[str]) -> list[ReactionCount]:
    """Counted over the reactions that reach the viewer: those given in confidence stay uncounted outside."""
    viewer = info.context.viewer
    loaded = await info.context.loader(loaders.reactions_by_target).load(target_id)
    rows = [r for r in loaded if part_reaches(r.audience, r.reacted_at, target_now, viewer)]
    me = info.context.viewer.account_id if info.context.viewer else None
    return [
        ReactionCount(reaction=kind, count=len(given), mine=any(r.member_id == me for r in given))
        for kind in ReactionKind
        if (given := [r for r in rows if r.reaction == kind.value])
    ]
