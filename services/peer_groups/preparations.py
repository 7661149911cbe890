"""Preparing the first meeting (seed 004, "prepare for your first meeting and beyond"): each member, having
accepted the group's agreement, writes what they expect, their goals and how they would like to meet. It stays in
the group: only its members who accepted the contract read it (a late joiner, what was written since they came)."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.text import clean_text
from services.peer_groups import events as ev
from services.peer_groups.access import open_group, open_seat, said_since_seated
from services.peer_groups.publications import group_event
from services.peer_groups.tables import GroupMember, PeerGroup, Preparation


@dataclass(frozen=True)
class PreparationDraft:
    expectations: str
    goals: str
    how_to_meet: str


async def prepare(session: AsyncSession, member_id: str, group_id: str, draft: PreparationDraft) -> Preparation:
    """Written again, it replaces the member's earlier preparation."""
    group = await open_group(session, member_id, group_id)
    row = await session.get(Preparation, (group.id, member_id)) or Preparation(group_id=group.id, member_id=member_id)
    row.expectations = clean_text(draft.expectations, "What you expect", 5000, 2)
    row.goals = clean_text(draft.goals, "Your goals", 5000, 2)
    row.how_to_meet = clean_text(draft.how_to_meet, "How you would like to meet", 2000, 2)
    row.completed_at = utcnow()
    session.add(row)
    await session.flush()
    prepared = await session.scalar(select(func.count()).where(Preparation.group_id == group.id)) or 0
    data = ev.PreparationCompleted(group_id=group.id, member_id=member_id, prepared=prepared)
    record(session, [group_event(data, group.id, group)])
    return row


async def preparations(session: AsyncSession, member_id: str, group_id: str) -> list[Preparation]:
    """One read joined to the member's open seat: to anyone else there is nothing to read."""
    query = (
        select(Preparation)
        .join(PeerGroup, PeerGroup.id == Preparation.group_id)
        .join(GroupMember, open_seat(member_id))
        .where(Preparation.group_id == group_id, said_since_seated(Preparation.completed_at))
        .order_by(Preparation.completed_at)
    )
    return list(await session.scalars(query))
