"""A member's data rights in moderation: the flags they raised (without the flagged words, which are the author's,
or the reviewers' notes) and the members they blocked, for their export. Who blocked them, or flagged what they
wrote, is not told. Erased with their account, their flags and every block they are in go; the record of acts
keeps what they did as a host, by id, which names no one once the account is gone."""

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.personal_data import PersonalData, gathered
from services.moderation.tables import Block, Flag

# The flagged item's words and the reviewers' decision are not the flagger's own.
NOT_THEIRS = ("excerpt", "decision_note", "decided_by", "author_id")


async def personal_data(session: AsyncSession, member_id: str) -> PersonalData:
    return await gathered(
        session,
        {
            "flags_raised": select(Flag).where(Flag.flagged_by == member_id).order_by(Flag.created_at),
            "members_blocked": select(Block).where(Block.blocker_id == member_id),
        },
        leave=NOT_THEIRS,
    )


async def erase_member(session: AsyncSession, member_id: str) -> None:
    await session.execute(delete(Flag).where(Flag.flagged_by == member_id))
    await session.execute(delete(Block).where(or_(Block.blocker_id == member_id, Block.blocked_id == member_id)))
