"""Counting changes that prepared first pages (prepared.py) are built from, in the writer's own transaction.

An item counts on every audience key it leaves or enters; a member's marks, follows, mutes, answers and areas
count on `member:<id>`; the names, practice areas and partnerships of groups and networks, which any reason may
read, and who belongs to which local group, which a kept page shows beside its authors, count on `*`. A page
records the sum of its keys' counts when ranked: any later change moves the sum.
"""

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from infra.upserts import count_up
from services.feeds.tables import ChangeCount

EVERYONE = "*"


def member_key(member_id: str) -> str:
    return f"member:{member_id}"


async def count(session: AsyncSession, keys: Iterable[str]) -> None:
    await count_up(session, ChangeCount, "changes", keys)


async def count_member(session: AsyncSession, member_id: str) -> None:
    await count(session, [member_key(member_id)])


async def count_everyone(session: AsyncSession) -> None:
    await count(session, [EVERYONE])
