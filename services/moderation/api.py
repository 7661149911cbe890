"""What other services and the gateway may ask of moderation: whom a member has a block with (read into
`Viewer.blocked` for every request; the notifications consumer asks for the people an act concerns), the record's
consumer, and retention of flags and the record (`forget_before`, run by the retention job with the setting
`COMMONS_MODERATION_KEPT_DAYS`)."""

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.moderation.blocks import BLOCKS, blocked_in
from services.moderation.owners import OWNERS, Owner
from services.moderation.personal import erase_member as erase_member
from services.moderation.personal import personal_data as personal_data
from services.moderation.queries import forget_before
from services.moderation.record import consumer
from services.moderation.tables import Block

__all__ = [
    "BLOCKS",
    "OWNERS",
    "Owner",
    "blocked_in",
    "consumer",
    "erase_member",
    "forget_before",
    "personal_data",
    "unblocked",
]


async def unblocked(session: AsyncSession, actor_id: str, members: Iterable[str]) -> set[str]:
    """The members who have no block with `actor_id`: those who may hear of what the actor did."""
    wanted = set(members)
    query = select(Block.blocker_id, Block.blocked_id).where(
        or_(
            (Block.blocker_id == actor_id) & Block.blocked_id.in_(wanted),
            (Block.blocked_id == actor_id) & Block.blocker_id.in_(wanted),
        )
    )
    return wanted - {member for pair in await session.execute(query) for member in pair}


async def blocked_pairs(session: AsyncSession, member_ids: Iterable[str]) -> set[frozenset[str]]:
    """The pairs among `member_ids` with a block between them, either way: never suggested or matched together."""
    among = set(member_ids)
    query = select(Block.blocker_id, Block.blocked_id).where(Block.blocker_id.in_(among), Block.blocked_id.in_(among))
    return {frozenset(pair) for pair in await session.execute(query)}
