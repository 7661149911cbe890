"""What the coordinator dashboard counts, read for one network as of a moment: per group its cadence, meetings
held, who was marked present, surveys sent and answered; per member their latest goal progress; per scheme its
applications. Counts and states only: nothing a group said or wrote is read here."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.peer_groups.cadence import QUORUM, HeldMeeting, cadence_status
from services.peer_groups.tables import (
    Application,
    Attendance,
    CheckIn,
    DevelopmentPlan,
    Goal,
    GroupMember,
    Meeting,
    Participant,
    PeerGroup,
    Scheme,
    SurveyInvitation,
)


@dataclass
class GroupFacts:
    group: PeerGroup
    members: set[str] = field(default_factory=set)
    meetings: list[HeldMeeting] = field(default_factory=list)
    # (member, present) for each attendance mark of a meeting begun by then
    marks: list[tuple[str, bool]] = field(default_factory=list)
    # (member, answered) for each survey sent by then
    surveys: list[tuple[str, bool]] = field(default_factory=list)
    state: str = ""

    def held(self, now: datetime) -> int:
        return sum(1 for m in self.meetings if m.starts_at <= now and (m.present is None or m.present >= QUORUM))


@dataclass(frozen=True)
class NetworkFacts:
    now: datetime
    groups: list[GroupFacts]
    schemes: list[Scheme]
    applications: list[Application]
    participants: list[Participant]
    progress: dict[str, int]  # member -> their latest goal progress (percent) in the network


async def network_facts(session: AsyncSession, network_id: str, now: datetime) -> NetworkFacts:
    groups = list(
        await session.scalars(select(PeerGroup).where(PeerGroup.network_id == network_id, PeerGroup.started_at <= now))
    )
    facts = {group.id: GroupFacts(group) for group in groups}
    await _seats(session, facts)
    await _meetings(session, facts, now)
    await _surveys(session, facts, now)
    for each in facts.values():
        each.state = cadence_status(each.group, each.meetings, now).state
    schemes = list(await session.scalars(select(Scheme).where(Scheme.network_id == network_id).order_by(Scheme.name)))
    ids = [scheme.id for scheme in schemes]
    applications = list(await session.scalars(select(Application).where(Application.scheme_id.in_(ids))))
    participants = list(await session.scalars(select(Participant).where(Participant.scheme_id.in_(ids))))
    return NetworkFacts(
        now, list(facts.values()), schemes, applications, participants, await _progress(session, network_id, now)
    )


async def _seats(session: AsyncSession, facts: dict[str, GroupFacts]) -> None:
    query = select(GroupMember.group_id, GroupMember.member_id).where(GroupMember.group_id.in_(facts))
    for group_id, member_id in await session.execute(query):
        facts[group_id].members.add(member_id)


async def _meetings(session: AsyncSession, facts: dict[str, GroupFacts], now: datetime) -> None:
    recorded, present = func.count(Attendance.member_id), func.count(Attendance.member_id).filter(Attendance.present)
    held = (
        select(Meeting.group_id, Meeting.starts_at, recorded, present)
        .outerjoin(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Meeting.group_id.in_(facts))
        .group_by(Meeting.id, Meeting.group_id, Meeting.starts_at)
    )
    for group_id, starts_at, known, here in await session.execute(held):
        facts[group_id].meetings.append(HeldMeeting(starts_at, here if known else None))
    marks = (
        select(Meeting.group_id, Attendance.member_id, Attendance.present)
        .join(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Meeting.group_id.in_(facts), Meeting.starts_at <= now)
    )
    for group_id, member_id, was_present in await session.execute(marks):
        facts[group_id].marks.append((member_id, was_present))


async def _surveys(session: AsyncSession, facts: dict[str, GroupFacts], now: datetime) -> None:
    answered = SurveyInvitation.answered_at.is_not(None) & (SurveyInvitation.answered_at <= now)
    query = select(SurveyInvitation.group_id, SurveyInvitation.member_id, answered).where(
        SurveyInvitation.group_id.in_(facts), SurveyInvitation.sent_at <= now
    )
    for group_id, member_id, was_answered in await session.execute(query):
        facts[group_id].surveys.append((member_id, bool(was_answered)))


async def _progress(session: AsyncSession, network_id: str, now: datetime) -> dict[str, int]:
    query = (
        select(DevelopmentPlan.member_id, CheckIn.progress)
        .join(Goal, Goal.plan_id == DevelopmentPlan.id)
        .join(CheckIn, CheckIn.goal_id == Goal.id)
        .where(DevelopmentPlan.network_id == network_id, CheckIn.created_at <= now)
        .order_by(CheckIn.created_at)
    )
    latest: dict[str, int] = {}
    for member_id, progress in await session.execute(query):
        latest[member_id] = progress
    return latest
