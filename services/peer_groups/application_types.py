"""GraphQL types of applications to schemes, mentees' choices of offers, and first-meeting preparations."""

from datetime import datetime

import strawberry

from infra.rows import RowShaped
from services.peer_groups import tables


@strawberry.type
class ScreeningAnswer:
    question: str
    answer: str


@strawberry.type
class SchemeApplication:
    """Seen by its applicant and by the network's hosts and coordinators."""

    id: strawberry.ID
    mentoring_scheme_id: strawberry.ID
    member_id: strawberry.ID
    role: str
    answers: list[ScreeningAnswer]
    state: str = strawberry.field(description="pending, approved or declined.")
    reason: str = strawberry.field(description="Why it was declined (or a note with an approval).")
    created_at: datetime
    decided_at: datetime | None

    @classmethod
    def of(cls, row: tables.Application) -> "SchemeApplication":
        return cls(
            id=strawberry.ID(row.id),
            mentoring_scheme_id=strawberry.ID(row.scheme_id),
            member_id=strawberry.ID(row.member_id),
            role=row.enrolment["role"],
            answers=[ScreeningAnswer(**a) for a in row.answers],
            state=row.state,
            reason=row.reason,
            created_at=row.created_at,
            decided_at=row.decided_at,
        )


@strawberry.type
class MentoringChoice:
    """A mentee's choice of an offer: seen by the mentee and the offer's mentor."""

    id: strawberry.ID
    offer_id: strawberry.ID
    mentee_id: strawberry.ID
    state: str = strawberry.field(description="pending, accepted, declined, or ended (the relationship ended).")
    peer_group_id: strawberry.ID | None
    created_at: datetime

    @classmethod
    def of(cls, row: tables.Choice) -> "MentoringChoice":
        return cls(
            id=strawberry.ID(row.id),
            offer_id=strawberry.ID(row.offer_id),
            mentee_id=strawberry.ID(row.mentee_id),
            state=row.state,
            peer_group_id=strawberry.ID(row.group_id) if row.group_id else None,
            created_at=row.created_at,
        )


@strawberry.type
class FirstMeetingPreparation(RowShaped):
    member_id: strawberry.ID
    expectations: str
    goals: str
    how_to_meet: str
    completed_at: datetime
