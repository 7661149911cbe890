"""Peer groups: members and contract, meetings and attendance, protocols and their runs, development plans,
mentoring schemes and offers, surveys and programme evaluations."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id, utcnow
from infra.database import Base


def _id() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_id)


def _group() -> Mapped[str]:
    return mapped_column(ForeignKey("peer_groups_groups.id", ondelete="CASCADE"), index=True)


class PeerGroup(Base):
    __tablename__ = "peer_groups_groups"

    id: Mapped[str] = _id()
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    scheme_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    formed_by: Mapped[str] = mapped_column(String(36))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    every_months: Mapped[int] = mapped_column(Integer, default=2)
    for_months: Mapped[int] = mapped_column(Integer, default=24)
    norms: Mapped[list[str]] = mapped_column(JSON, default=list)
    contract_version: Mapped[int] = mapped_column(Integer, default=1)
    evaluated: Mapped[bool] = mapped_column(Boolean, default=False)
    # A mentoring relationship ended early (without blame): the group's programme is finished from then on.
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class GroupMember(Base):
    __tablename__ = "peer_groups_members"

    group_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_groups.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(10))
    # The contract version this member accepted; the group's space is open to them only at the current one.
    accepted_version: Mapped[int | None] = mapped_column(Integer)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # What was said before this moment stays with those who were there; None: the member sees the whole history
    # (a founder, or a late joiner whose group opened its history to them).
    sees_from: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Proposal(Base):
    """Someone proposed for a seat in a running group (`seat`), or a late joiner proposed to see its history
    (`history`). It carries out only when the invitee accepted (for a seat) and every seated member agreed."""

    __tablename__ = "peer_groups_proposals"

    id: Mapped[str] = _id()
    group_id: Mapped[str] = _group()
    kind: Mapped[str] = mapped_column(String(10))
    member_id: Mapped[str] = mapped_column(String(36), index=True)
    role: Mapped[str | None] = mapped_column(String(10))
    proposed_by: Mapped[str] = mapped_column(String(36))
    # The invitee's answer to a seat; None until they answer (history proposals need none).
    invitee_accepts: Mapped[bool | None] = mapped_column(Boolean)
    # pending, carried or declined
    state: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProposalVote(Base):
    """A seated member's answer to a proposal."""

    __tablename__ = "peer_groups_proposal_votes"

    proposal_id: Mapped[str] = mapped_column(
        ForeignKey("peer_groups_proposals.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agrees: Mapped[bool] = mapped_column(Boolean)


class Meeting(Base):
    __tablename__ = "peer_groups_meetings"

    id: Mapped[str] = _id()
    group_id: Mapped[str] = _group()
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    minutes: Mapped[int] = mapped_column(Integer, default=90)
    mode: Mapped[str] = mapped_column(String(10))
    place: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attendance(Base):
    __tablename__ = "peer_groups_attendance"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_meetings.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    present: Mapped[bool] = mapped_column(Boolean)


class Protocol(Base):
    """A group's own protocol; the standard ones live in code (protocols.py)."""

    __tablename__ = "peer_groups_protocols"

    id: Mapped[str] = _id()
    group_id: Mapped[str] = _group()
    name: Mapped[str] = mapped_column(String(120))
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class ProtocolRun(Base):
    __tablename__ = "peer_groups_runs"

    id: Mapped[str] = _id()
    meeting_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_meetings.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[str] = _group()
    protocol_name: Mapped[str] = mapped_column(String(120))
    # The steps as they were when the run started, and the speakers of each step in turn order.
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    speakers: Mapped[list[list[str]]] = mapped_column(JSON)
    facilitator_id: Mapped[str] = mapped_column(String(36))
    presenter_id: Mapped[str] = mapped_column(String(36))
    step: Mapped[int] = mapped_column(Integer, default=0)
    turn: Mapped[int] = mapped_column(Integer, default=0)
    step_started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    turn_started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Turn(Base):
    """Who spoke in which step and for how long: the record of whether time was shared fairly."""

    __tablename__ = "peer_groups_turns"

    id: Mapped[str] = _id()
    run_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_runs.id", ondelete="CASCADE"), index=True)
    step: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[str | None] = mapped_column(String(36))
    seconds: Mapped[int] = mapped_column(Integer)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DevelopmentPlan(Base):
    """A member's own agenda towards stronger leadership, in one network; they choose who sees it."""

    __tablename__ = "peer_groups_plans"
    __table_args__ = (UniqueConstraint("member_id", "network_id"),)

    id: Mapped[str] = _id()
    member_id: Mapped[str] = mapped_column(String(36), index=True)
    network_id: Mapped[str] = mapped_column(String(36))
    visibility: Mapped[str] = mapped_column(String(12), default="only_me")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Goal(Base):
    __tablename__ = "peer_groups_goals"

    id: Mapped[str] = _id()
    plan_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_plans.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    # [{"title": ..., "done": bool}]
    milestones: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CheckIn(Base):
    __tablename__ = "peer_groups_check_ins"

    id: Mapped[str] = _id()
    goal_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_goals.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(String(36))
    progress: Mapped[int] = mapped_column(Integer)
    reflection: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Scheme(Base):
    __tablename__ = "peer_groups_schemes"

    id: Mapped[str] = _id()
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(120))
    aims: Mapped[str] = mapped_column(Text, default="")
    eligibility: Mapped[list[str]] = mapped_column(JSON, default=list)
    kind: Mapped[str] = mapped_column(String(20))
    months: Mapped[int] = mapped_column(Integer, default=12)
    agreement: Mapped[str] = mapped_column(Text, default="")
    # Social identities the scheme wants in its pipeline (e.g. "women", "disabled people").
    diversity_aims: Mapped[list[str]] = mapped_column(JSON, default=list)
    questions: Mapped[list[str]] = mapped_column(JSON, default=list)
    # What applicants answer; the coordinators read the answers before approving.
    screening: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Application(Base):
    """A member's application to a scheme, with what they would enrol with; approved, it enrols them."""

    __tablename__ = "peer_groups_applications"
    __table_args__ = (UniqueConstraint("scheme_id", "member_id"),)

    id: Mapped[str] = _id()
    scheme_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_schemes.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[str] = mapped_column(String(36), index=True)
    # {"role", "practice_areas", "goals", "availability", "identities"}: the enrolment it asks for.
    enrolment: Mapped[dict[str, Any]] = mapped_column(JSON)
    # [{"question": ..., "answer": ...}] in the scheme's screening order.
    answers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # pending, approved or declined
    state: Mapped[str] = mapped_column(String(10), default="pending")
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Participant(Base):
    """A member enrolled in a scheme. `identities` is sensitive: coordinators only, aggregates elsewhere."""

    __tablename__ = "peer_groups_participants"

    scheme_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_schemes.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(10))
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    goals: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[list[str]] = mapped_column(JSON, default=list)
    identities: Mapped[list[str]] = mapped_column(JSON, default=list)
    matched_group_id: Mapped[str | None] = mapped_column(String(36))


class Offer(Base):
    __tablename__ = "peer_groups_offers"

    id: Mapped[str] = _id()
    scheme_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_schemes.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[str] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(Text)
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    taken: Mapped[int] = mapped_column(Integer, default=0)
    # A mentoring circle grows around its mentor's offer: later mentees join the same group.
    group_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Choice(Base):
    """A mentee's choice of an offer, which its mentor accepts (forming or growing the group) or declines."""

    __tablename__ = "peer_groups_choices"

    id: Mapped[str] = _id()
    offer_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_offers.id", ondelete="CASCADE"), index=True)
    mentee_id: Mapped[str] = mapped_column(String(36), index=True)
    # pending, accepted or declined
    state: Mapped[str] = mapped_column(String(10), default="pending")
    group_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Preparation(Base):
    """A member's preparation for their group's first meeting (seed 004); seen only inside the group."""

    __tablename__ = "peer_groups_preparations"

    group_id: Mapped[str] = mapped_column(ForeignKey("peer_groups_groups.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    expectations: Mapped[str] = mapped_column(Text, default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    how_to_meet: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SurveyInvitation(Base):
    """A member's survey of one wave (12 or 24 months); the answers are kept apart, without the member."""

    __tablename__ = "peer_groups_surveys"
    __table_args__ = (UniqueConstraint("group_id", "member_id", "months"),)

    id: Mapped[str] = _id()
    group_id: Mapped[str] = _group()
    member_id: Mapped[str] = mapped_column(String(36), index=True)
    months: Mapped[int] = mapped_column(Integer)
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SurveyResponse(Base):
    __tablename__ = "peer_groups_survey_responses"

    id: Mapped[str] = _id()
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    group_id: Mapped[str] = mapped_column(String(36))
    group_kind: Mapped[str] = mapped_column(String(20))
    months: Mapped[int] = mapped_column(Integer)
    # {question key: answer}; no member id, no time finer than the wave.
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)


class Evaluation(Base):
    __tablename__ = "peer_groups_evaluations"

    id: Mapped[str] = _id()
    network_id: Mapped[str] = mapped_column(String(36), index=True)
    produced_at: Mapped[datetime] = mapped_column(UTCDateTime)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
