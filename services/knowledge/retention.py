"""Retention of what authors withdrew: a story withdrawn entirely is kept a while (a mistaken withdrawal can be
asked back of an admin), then goes for good with its revisions, comments and reactions."""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.knowledge.tables import Comment, Reach, Reaction, Story


async def forget_withdrawn(session: AsyncSession, before: datetime) -> int:
    """Deletes stories withdrawn before `before`; how many."""
    old = select(Story.id).where(Story.withdrawn.is_(True), Story.updated_at < before)
    gone = list(await session.scalars(old))
    if gone:
        for table, column in ((Comment, Comment.target_id), (Reaction, Reaction.target_id), (Reach, Reach.entity_id)):
            await session.execute(delete(table).where(column.in_(gone)))
        await session.execute(delete(Story).where(Story.id.in_(gone)))
    return len(gone)
