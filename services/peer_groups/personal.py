"""A member's data rights in peer groups: their seats (with the contract version they accepted), their answers to
proposals, plans with goals and check-ins, preparations, surveys they were sent (the answers are kept without
anyone's id, so they cannot be told apart), scheme enrolments, applications, offers and choices. Erased with their
account, all of it goes; the record of turns keeps how long someone spoke, without who."""

from typing import Any

from sqlalchemy import Select, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from infra.personal_data import PersonalData, gathered
from services.peer_groups.tables import (
    Application,
    Attendance,
    CheckIn,
    Choice,
    DevelopmentPlan,
    Goal,
    GroupMember,
    Offer,
    Participant,
    Preparation,
    Proposal,
    ProposalVote,
    SurveyInvitation,
    Turn,
)

# The member's own rows, by the column that names them; plans take their goals and check-ins with them.
OWN = (
    GroupMember.member_id,
    Proposal.member_id,
    ProposalVote.member_id,
    Attendance.member_id,
    DevelopmentPlan.member_id,
    Preparation.member_id,
    SurveyInvitation.member_id,
    Participant.member_id,
    Application.member_id,
    Offer.mentor_id,
    Choice.mentee_id,
)


# Kinds in the export: a table's name, unless its own reads unclearly to the member.
NAMES = {"members": "group_seats", "proposals": "seat_proposals_to_me", "surveys": "surveys_sent"}


def _kind(column: Any) -> str:
    name = str(column.class_.__tablename__).removeprefix("peer_groups_")
    return NAMES.get(name, name)


async def personal_data(session: AsyncSession, member_id: str) -> PersonalData:
    queries: dict[str, Select[Any]] = {
        _kind(column): select(column.class_).where(column == member_id) for column in OWN
    }
    plans = select(DevelopmentPlan.id).where(DevelopmentPlan.member_id == member_id)
    queries["goals"] = select(Goal).where(Goal.plan_id.in_(plans))
    queries["check_ins"] = select(CheckIn).join(Goal).where(Goal.plan_id.in_(plans)).order_by(CheckIn.created_at)
    return await gathered(session, queries)


async def erase_member(session: AsyncSession, member_id: str) -> None:
    for column in OWN:
        await session.execute(delete(column.class_).where(column == member_id))
    await session.execute(update(Turn).where(Turn.member_id == member_id).values(member_id=None))
