"""How many comments and reactions a list's items have, counted over only what reaches the viewer: a comment
written in a peer group on a story shared wider later stays uncounted outside that group (see `part_reaches`)."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from infra.database import Database
from infra.viewer import Viewer
from services.knowledge.access import part_reaches, shown_to
from services.knowledge.tables import Comment, Reaction


@dataclass(frozen=True)
class Responses:
    comments: int = 0
    reactions: int = 0


async def response_counts(db: Database, viewer: Viewer, targets: Mapping[str, list[str]]) -> dict[str, Responses]:
    """Per target id (mapped to the audience it reaches now): its comments and reactions the viewer may see."""
    ids = list(targets)
    async with db.sessions() as session:
        comments = await session.scalars(select(Comment).where(Comment.target_id.in_(ids)))
        said = Counter(
            c.target_id
            for c in comments
            if part_reaches(c.audience, c.created_at, targets[c.target_id], viewer)
            and shown_to(viewer, c.author_id, c.hidden)
        )
        reactions = await session.scalars(select(Reaction).where(Reaction.target_id.in_(ids)))
        given = Counter(
            r.target_id for r in reactions if part_reaches(r.audience, r.reacted_at, targets[r.target_id], viewer)
        )
    return {i: Responses(said[i], given[i]) for i in ids}
