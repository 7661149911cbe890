"""Blocking: the only code that writes blocks. No event and no notification: the blocked member is never told,
and every read filters by the viewer's blocks (`Viewer.blocked`, read by the gateway through `BLOCKS`)."""

from sqlalchemy import case, delete, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.database import Database
from infra.errors import InvalidInput
from infra.upserts import upsert
from infra.viewer import BLOCK, MEMBER, Standing, Viewer, no_since, standing_of
from services.moderation.tables import Block


async def block(db: Database, viewer: Viewer, member_id: str) -> None:
    """Blocking twice changes nothing. Anyone may be blocked: whether they exist is not told either way."""
    if member_id == viewer.account_id:
        raise InvalidInput("You cannot block yourself.")
    async with db.transaction() as session:
        row = {"blocker_id": viewer.account_id, "blocked_id": member_id, "created_at": utcnow()}
        await upsert(session, Block, [row])


async def unblock(db: Database, viewer: Viewer, member_id: str) -> None:
    async with db.transaction() as session:
        mine = (Block.blocker_id == viewer.account_id) & (Block.blocked_id == member_id)
        await session.execute(delete(Block).where(mine))


# Everyone a member blocked or who blocked them (infra.viewer.Standing).
BLOCKS: Standing = select(
    literal(BLOCK), case((Block.blocker_id == MEMBER, Block.blocked_id), else_=Block.blocker_id), no_since()
).where(or_(Block.blocker_id == MEMBER, Block.blocked_id == MEMBER))


async def blocked_in(session: AsyncSession, member_id: str) -> frozenset[str]:
    """Everyone the member blocked or who blocked them."""
    return frozenset(other for _, other, _ in await session.execute(BLOCKS, standing_of(member_id)))


async def blocked_by(session: AsyncSession, member_id: str) -> list[str]:
    """The members this one blocked, for their own list."""
    query = select(Block.blocked_id).where(Block.blocker_id == member_id).order_by(Block.created_at)
    return list(await session.scalars(query))
