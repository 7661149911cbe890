"""What other services, the gateway and the runtime may ask of peer groups."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.audience import AudienceKind
from infra.columns import utcnow
from infra.database import Database
from services.peer_groups import evaluation, surveys
from services.peer_groups.tables import GroupMember, PeerGroup


@dataclass(frozen=True)
class PeerGroupSummary:
    id: str
    network_id: str
    kind: str
    name: str


@dataclass(frozen=True)
class DueWork:
    surveys_sent: int
    evaluations_produced: int


async def audiences_of(db: Database, member_id: str) -> frozenset[str]:
    """`peer_group:<id>` for each group whose current contract the member accepted: only then is its space open."""
    async with db.sessions() as session:
        return await audiences_in(session, member_id)


def circles_of(member_id: str) -> Select[tuple[str, str]]:
    """(audience kind, id) of each group whose current contract the member accepted."""
    return (
        select(literal(AudienceKind.PEER_GROUP.value), GroupMember.group_id)
        .join(PeerGroup, PeerGroup.id == GroupMember.group_id)
        .where(GroupMember.member_id == member_id, GroupMember.accepted_version == PeerGroup.contract_version)
    )


async def audiences_in(session: AsyncSession, member_id: str) -> frozenset[str]:
    """As `audiences_of`, in the caller's session."""
    return frozenset(audience.key_of(kind, ident) for kind, ident in await session.execute(circles_of(member_id)))


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


async def send_due_surveys(db: Database, now: datetime | None = None) -> DueWork:
    """The periodic job: the 12- and 24-month surveys that are due, then the 25-month evaluations."""
    moment = now or utcnow()
    async with db.transaction() as session:
        sent = await surveys.send_due(session, moment)
        produced = await evaluation.produce_due(session, moment)
    return DueWork(sent, produced)
