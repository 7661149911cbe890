"""Reading peer groups for GraphQL, the calendar route and the public API."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.loaders import grouped
from services.peer_groups.cadence import HeldMeeting
from services.peer_groups.groups import seats
from services.peer_groups.meetings import meetings_of
from services.peer_groups.tables import (
    Attendance,
    CheckIn,
    Goal,
    GroupMember,
    Meeting,
    PeerGroup,
    Proposal,
    ProtocolRun,
    Turn,
)

__all__ = ["meetings_of", "seats"]


async def held_meetings(session: AsyncSession, group_id: str) -> list[HeldMeeting]:
    return (await held_meetings_by_group(session, [group_id]))[group_id]


async def held_meetings_by_group(session: AsyncSession, group_ids: list[str]) -> dict[str, list[HeldMeeting]]:
    recorded = func.count(Attendance.member_id)
    present = func.count(Attendance.member_id).filter(Attendance.present.is_(True))
    query = (
        select(Meeting.group_id, Meeting.starts_at, recorded, present)
        .outerjoin(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Meeting.group_id.in_(group_ids))
        .group_by(Meeting.id, Meeting.group_id, Meeting.starts_at)
    )
    found: dict[str, list[HeldMeeting]] = {group_id: [] for group_id in group_ids}
    for group_id, starts, known, here in (await session.execute(query)).all():
        found[group_id].append(HeldMeeting(starts, here if known else None))
    return found


async def seats_by_group(session: AsyncSession, group_ids: list[str]) -> dict[str, list[GroupMember]]:
    query = select(GroupMember).where(GroupMember.group_id.in_(group_ids)).order_by(GroupMember.joined_at)
    return grouped(group_ids, await session.scalars(query), lambda seat: seat.group_id)


async def my_groups(session: AsyncSession, member_id: str) -> list[tuple[PeerGroup, GroupMember]]:
    query = (
        select(PeerGroup, GroupMember)
        .join(GroupMember, GroupMember.group_id == PeerGroup.id)
        .where(GroupMember.member_id == member_id)
        .order_by(PeerGroup.name, PeerGroup.id)
    )
    return [(group, seat) for group, seat in (await session.execute(query)).all()]


async def network_groups(session: AsyncSession, network_id: str) -> list[tuple[PeerGroup, int]]:
    query = (
        select(PeerGroup, func.count(GroupMember.member_id))
        .outerjoin(GroupMember, GroupMember.group_id == PeerGroup.id)
        .where(PeerGroup.network_id == network_id)
        .group_by(PeerGroup.id)
        .order_by(PeerGroup.name, PeerGroup.id)
    )
    return [(group, count) for group, count in (await session.execute(query)).all()]


async def attendance_by_meeting(session: AsyncSession, meeting_ids: list[str]) -> dict[str, list[Attendance]]:
    query = select(Attendance).where(Attendance.meeting_id.in_(meeting_ids)).order_by(Attendance.member_id)
    return grouped(meeting_ids, await session.scalars(query), lambda row: row.meeting_id)


async def runs_of(session: AsyncSession, meeting_id: str) -> list[ProtocolRun]:
    query = select(ProtocolRun).where(ProtocolRun.meeting_id == meeting_id).order_by(ProtocolRun.step_started_at)
    return list(await session.scalars(query))


async def turns_of(session: AsyncSession, run_id: str) -> list[Turn]:
    return list(await session.scalars(select(Turn).where(Turn.run_id == run_id).order_by(Turn.ended_at, Turn.step)))


async def open_proposals(session: AsyncSession, group_id: str) -> list[Proposal]:
    query = select(Proposal).where(Proposal.group_id == group_id, Proposal.state == "pending")
    return list(await session.scalars(query.order_by(Proposal.created_at)))


async def goals_by_plan(session: AsyncSession, plan_ids: list[str]) -> dict[str, list[Goal]]:
    query = select(Goal).where(Goal.plan_id.in_(plan_ids)).order_by(Goal.created_at)
    return grouped(plan_ids, await session.scalars(query), lambda goal: goal.plan_id)


async def check_ins_by_goal(
    session: AsyncSession, goal_ids: list[str], seen_from: datetime | None
) -> dict[str, list[CheckIn]]:
    """Check-ins made from `seen_from` on (a late joiner's seat; None: all of them)."""
    query = select(CheckIn).where(CheckIn.goal_id.in_(goal_ids)).order_by(CheckIn.created_at)
    if seen_from is not None:
        query = query.where(CheckIn.created_at >= seen_from)
    return grouped(goal_ids, await session.scalars(query), lambda check_in: check_in.goal_id)
