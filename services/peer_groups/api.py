"""What other services, the gateway and the runtime may ask of peer groups."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.audience import AudienceKind
from infra.columns import utcnow
from infra.database import Database
from infra.viewer import LATE_SEAT, MEMBER, Standing, no_since, standing_of
from services.peer_groups import evaluation, queries, surveys
from services.peer_groups.cadence import CadenceStatus, cadence_status
from services.peer_groups.personal import erase_member as erase_member
from services.peer_groups.personal import personal_data as personal_data
from services.peer_groups.tables import GroupMember, Meeting, PeerGroup, Proposal, Scheme, SurveyInvitation

__all__ = ["CadenceStatus"]


@dataclass(frozen=True)
class PeerGroupSummary:
    id: str
    network_id: str
    kind: str
    name: str


@dataclass(frozen=True)
class MeetingGlimpse:
    """When and how a meeting happens, and its group's name: what a reminder or an invite may say of it."""

    id: str
    group_id: str
    group_name: str
    starts_at: datetime
    minutes: int
    mode: str


@dataclass(frozen=True)
class DueWork:
    surveys_sent: int
    evaluations_produced: int


async def audiences_of(db: Database, member_id: str) -> frozenset[str]:
    """`peer_group:<id>` for each group whose current contract the member accepted: only then is its space open."""
    async with db.sessions() as session:
        return await audiences_in(session, member_id)


# Each group whose current contract a member accepted (infra.viewer.Standing).
CIRCLES: Standing = (
    select(literal(AudienceKind.PEER_GROUP.value), GroupMember.group_id, no_since())
    .join(PeerGroup, PeerGroup.id == GroupMember.group_id)
    .where(GroupMember.member_id == MEMBER, GroupMember.accepted_version == PeerGroup.contract_version)
)
# Each group a member joined late (and whose history is not open to them), with the moment from which they see
# it: what was said before it stays with those who were there (infra.viewer.Standing).
LATE_SEATS: Standing = select(literal(LATE_SEAT), GroupMember.group_id, GroupMember.sees_from).where(
    GroupMember.member_id == MEMBER, GroupMember.sees_from.is_not(None)
)


async def audiences_in(session: AsyncSession, member_id: str) -> frozenset[str]:
    """As `audiences_of`, in the caller's session."""
    rows = await session.execute(CIRCLES, standing_of(member_id))
    return frozenset(audience.key_of(kind, ident) for kind, ident, _ in rows)


async def late_seats_of(db: Database, member_id: str) -> dict[str, datetime]:
    async with db.sessions() as session:
        return await late_seats_in(session, member_id)


async def late_seats_in(session: AsyncSession, member_id: str) -> dict[str, datetime]:
    """`peer_group:<id>` -> the moment from which the member sees it, for each group they joined late."""
    rows = await session.execute(LATE_SEATS, standing_of(member_id))
    return {audience.peer_group(group_id): since for _, group_id, since in rows if since}


async def is_member(db: Database, group_id: str, member_id: str) -> bool:
    async with db.sessions() as session:
        return await session.get(GroupMember, (group_id, member_id)) is not None


async def group_summary(db: Database, group_id: str) -> PeerGroupSummary | None:
    async with db.sessions() as session:
        group = await session.get(PeerGroup, group_id)
    return PeerGroupSummary(group.id, group.network_id, group.kind, group.name) if group else None


async def member_ids(db: Database, group_id: str) -> list[str]:
    query = select(GroupMember.member_id).where(GroupMember.group_id == group_id).order_by(GroupMember.joined_at)
    async with db.sessions() as session:
        return list(await session.scalars(query))


async def consenting_member_ids(session: AsyncSession, group_id: str) -> list[str]:
    """The members who accepted the group's current contract: the only ones its space, or news of it, may reach."""
    query = (
        select(GroupMember.member_id)
        .join(PeerGroup, PeerGroup.id == GroupMember.group_id)
        .where(GroupMember.group_id == group_id, GroupMember.accepted_version == PeerGroup.contract_version)
    )
    return list(await session.scalars(query))


async def seated_member_ids(session: AsyncSession, group_id: str) -> list[str]:
    """Every seated member, whether or not they accepted the current contract (asked to accept a changed one)."""
    return list(await session.scalars(select(GroupMember.member_id).where(GroupMember.group_id == group_id)))


async def group_name_in(session: AsyncSession, group_id: str) -> str | None:
    return await session.scalar(select(PeerGroup.name).where(PeerGroup.id == group_id))


async def meeting_glimpse(session: AsyncSession, meeting_id: str) -> MeetingGlimpse | None:
    query = select(Meeting.id, Meeting.group_id, PeerGroup.name, Meeting.starts_at, Meeting.minutes, Meeting.mode)
    row = (
        await session.execute(query.join(PeerGroup, PeerGroup.id == Meeting.group_id).where(Meeting.id == meeting_id))
    ).first()
    return MeetingGlimpse(*row) if row else None


async def proposal_member_id(session: AsyncSession, group_id: str, proposal_id: str) -> str | None:
    """Whom a proposal of this group is about: the one a seat is offered to, or the late joiner whose history it
    would open."""
    query = select(Proposal.member_id).where(Proposal.id == proposal_id, Proposal.group_id == group_id)
    return await session.scalar(query)


async def network_of_group(session: AsyncSession, group_id: str) -> str | None:
    return await session.scalar(select(PeerGroup.network_id).where(PeerGroup.id == group_id))


async def cadence_in(session: AsyncSession, group_id: str, now: datetime) -> CadenceStatus | None:
    """Whether the group keeps the cadence it committed to, as of `now`; None for a group that is gone."""
    group = await session.get(PeerGroup, group_id)
    if group is None:
        return None
    held = await queries.held_meetings(session, group_id)
    return cadence_status(group, held, now)


async def unanswered_survey(session: AsyncSession, group_id: str, months: int) -> list[str]:
    """Members sent the group's survey of that wave who have not answered it yet."""
    query = select(SurveyInvitation.member_id).where(
        SurveyInvitation.group_id == group_id,
        SurveyInvitation.months == months,
        SurveyInvitation.answered_at.is_(None),
    )
    return list(await session.scalars(query))


async def send_due_surveys(db: Database, now: datetime | None = None) -> DueWork:
    """The periodic job: the 12- and 24-month surveys that are due, then the 25-month evaluations."""
    moment = now or utcnow()
    async with db.transaction() as session:
        sent = await surveys.send_due(session, moment)
        produced = await evaluation.produce_due(session, moment)
    return DueWork(sent, produced)


async def scheme_name_in(session: AsyncSession, scheme_id: str) -> str | None:
    return await session.scalar(select(Scheme.name).where(Scheme.id == scheme_id))
