"""GraphQL types of mentoring schemes, offers, participants, suggested matches, surveys and evaluations."""

from datetime import datetime

import strawberry

from infra.rows import RowShaped
from services.peer_groups import tables


@strawberry.type
class MentoringOffer:
    id: strawberry.ID
    mentor_id: strawberry.ID
    text: str
    capacity: int
    taken: int

    @classmethod
    def of(cls, row: tables.Offer) -> "MentoringOffer":
        return cls(
            id=strawberry.ID(row.id),
            mentor_id=strawberry.ID(row.mentor_id),
            text=row.text,
            capacity=row.capacity,
            taken=row.taken,
        )


@strawberry.type
class SchemeParticipant:
    """Shown to the network's hosts and coordinators only (and to the participant themself)."""

    member_id: strawberry.ID
    role: str
    practice_areas: list[str]
    goals: str
    availability: list[str]
    social_identity: list[str]
    matched: bool

    @classmethod
    def of(cls, row: tables.Participant) -> "SchemeParticipant":
        return cls(
            member_id=strawberry.ID(row.member_id),
            role=row.role,
            practice_areas=row.practice_areas,
            goals=row.goals,
            availability=row.availability,
            social_identity=row.identities,
            matched=row.matched_group_id is not None,
        )


@strawberry.type
class SuggestedMatch:
    mentee_id: strawberry.ID
    mentor_id: strawberry.ID
    score: int
    reasons: list[str]


@strawberry.type
class DiversityCount:
    aim: str
    participants: int | None = strawberry.field(description="Null when fewer than the threshold: never a small cell.")


@strawberry.type
class MentoringScheme(RowShaped):
    id: strawberry.ID
    network_id: strawberry.ID
    name: str
    aims: str
    eligibility: list[str]
    kind: str
    months: int
    agreement: str = strawberry.field(description="The mentoring agreement template.")
    diversity_aims: list[str]
    questions: list[str] = strawberry.field(description="The scheme's own evaluation questions.")
    screening: list[str] = strawberry.field(description="The questions applicants answer.")


@strawberry.type
class SurveyQuestion:
    key: str
    text: str
    kind: str = strawberry.field(description="scale (1 to 5) or text.")


@strawberry.type
class Survey:
    id: strawberry.ID
    peer_group_id: strawberry.ID
    months: int
    sent_at: datetime
    answered: bool
    questions: list[SurveyQuestion]
    closing: bool = strawberry.field(description="The programme's last survey, answered at its closing meeting.")

    @classmethod
    def of(cls, row: tables.SurveyInvitation, closing: bool) -> "Survey":
        return cls(
            id=strawberry.ID(row.id),
            peer_group_id=strawberry.ID(row.group_id),
            months=row.months,
            sent_at=row.sent_at,
            answered=row.answered_at is not None,
            questions=[SurveyQuestion(**q) for q in row.questions],
            closing=closing,
        )


@strawberry.type
class EvaluationCell:
    key: str
    question: str
    months: int
    respondents: int
    suppressed: bool
    mean: float | None = None
    distribution: list[int] | None = None
    comments: list[str] | None = None


@strawberry.type
class WaveRespondents:
    months: int
    respondents: int


@strawberry.type
class ProgrammeEvaluation:
    id: strawberry.ID
    produced_at: datetime
    threshold: int
    groups: int
    respondents_at_12_months: int
    respondents_at_24_months: int
    respondents_by_wave: list[WaveRespondents] = strawberry.field(description="Answers per survey wave (months).")
    groups_below_threshold: int
    questions: list[EvaluationCell]
    by_kind: list[EvaluationCell]

    @classmethod
    def of(cls, row: tables.Evaluation) -> "ProgrammeEvaluation":
        report = row.report
        return cls(
            id=strawberry.ID(row.id),
            produced_at=row.produced_at,
            threshold=report["threshold"],
            groups=report["groups"],
            respondents_at_12_months=report["respondents"].get("12", 0),
            respondents_at_24_months=report["respondents"].get("24", 0),
            respondents_by_wave=[
                WaveRespondents(months=int(m), respondents=n) for m, n in report["respondents"].items()
            ],
            groups_below_threshold=report["groups_below_threshold"],
            questions=[EvaluationCell(**cell) for cell in report["questions"]],
            by_kind=[EvaluationCell(**cell) for cell in report["by_kind"]],
        )
