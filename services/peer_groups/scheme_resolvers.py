"""Mentoring schemes, matching, surveys and the programme evaluation in the GraphQL schema."""

from typing import TypeVar

import strawberry
from sqlalchemy import Select, select

from infra.context import Ctx, RequestContext
from services.peer_groups import matching, schemes, surveys, tables
from services.peer_groups.access import Actor, coordinated_network
from services.peer_groups.evaluation import THRESHOLD
from services.peer_groups.scheme_types import (
    DiversityCount,
    MentoringOffer,
    MentoringScheme,
    ProgrammeEvaluation,
    SchemeParticipant,
    SuggestedMatch,
    Survey,
)
from services.peer_groups.types import PeerGroupOverview, overview

T = TypeVar("T")


@strawberry.input
class MentoringSchemeInput:
    network_id: strawberry.ID
    name: str
    kind: str = strawberry.field(description="peer_group, co_mentoring_pair, mentoring_circle or one_to_one.")
    aims: str = ""
    eligibility: list[str] = strawberry.field(default_factory=list)
    months: int = 12
    agreement: str = strawberry.field(default="", description="The mentoring agreement template.")
    diversity_aims: list[str] = strawberry.field(default_factory=list)
    questions: list[str] = strawberry.field(default_factory=list, description="Own questions for the surveys.")
    screening: list[str] = strawberry.field(default_factory=list, description="Questions applicants answer.")

    def draft(self) -> schemes.SchemeDraft:
        lists = (self.eligibility, self.diversity_aims, self.questions, self.screening)
        eligibility, diversity_aims, questions, screening = (tuple(entries) for entries in lists)
        return schemes.SchemeDraft(
            self.network_id,
            self.name,
            self.kind,
            self.aims,
            eligibility,
            self.months,
            self.agreement,
            diversity_aims,
            questions,
            screening,
        )


@strawberry.input
class EnrolmentInput:
    role: str = strawberry.field(description="mentor or mentee.")
    practice_areas: list[str] = strawberry.field(default_factory=list)
    goals: str = ""
    availability: list[str] = strawberry.field(default_factory=list, description="e.g. 'weekday evenings'.")
    social_identity: list[str] = strawberry.field(
        default_factory=list, description="Optional; seen only by the network's coordinators, used in aggregates."
    )

    def enrolment(self) -> schemes.Enrolment:
        return schemes.Enrolment(
            self.role, tuple(self.practice_areas), self.goals, tuple(self.availability), tuple(self.social_identity)
        )


@strawberry.input
class SurveyAnswerInput:
    key: str
    scale: int | None = None
    text: str | None = None


def scheme_actor(context: RequestContext) -> Actor:
    return Actor(context.member(), context.db)


async def coordinated_scheme(context: RequestContext, scheme_id: str, doing: str) -> tables.Scheme:
    async with context.db.sessions() as session:
        scheme = await schemes.network_scheme(session, scheme_actor(context), scheme_id)
    await coordinated_network(scheme_actor(context), scheme.network_id, doing)
    return scheme


async def rows_of(context: RequestContext, query: Select[T]) -> list[T]:
    async with context.db.sessions() as session:
        return list(await session.scalars(query))


@strawberry.type
class SchemeQuery:
    @strawberry.field
    async def mentoring_schemes(self, info: Ctx, network_id: strawberry.ID) -> list[MentoringScheme]:
        if await scheme_actor(info.context).role_in(network_id) is None:
            return []
        query = select(tables.Scheme).where(tables.Scheme.network_id == network_id).order_by(tables.Scheme.name)
        return [MentoringScheme.of(row) for row in await rows_of(info.context, query)]

    @strawberry.field(description="A scheme of one of your networks.")
    async def mentoring_scheme(self, info: Ctx, id: strawberry.ID) -> MentoringScheme:
        async with info.context.db.sessions() as session:
            return MentoringScheme.of(await schemes.network_scheme(session, scheme_actor(info.context), id))

    @strawberry.field(description="What mentors offer in a scheme; mentees choose among them.")
    async def mentoring_offers(self, info: Ctx, mentoring_scheme_id: strawberry.ID) -> list[MentoringOffer]:
        async with info.context.db.sessions() as session:
            scheme = await schemes.network_scheme(session, scheme_actor(info.context), mentoring_scheme_id)
        query = select(tables.Offer).where(tables.Offer.scheme_id == scheme.id).order_by(tables.Offer.created_at)
        return [MentoringOffer.of(row) for row in await rows_of(info.context, query)]

    @strawberry.field(description="Who enrolled, with what they told the scheme (hosts and coordinators only).")
    async def scheme_participants(self, info: Ctx, mentoring_scheme_id: strawberry.ID) -> list[SchemeParticipant]:
        scheme = await coordinated_scheme(info.context, mentoring_scheme_id, "see the scheme's participants")
        query = select(tables.Participant).where(tables.Participant.scheme_id == scheme.id)
        return [SchemeParticipant.of(row) for row in await rows_of(info.context, query)]

    @strawberry.field(description=f"Participants per diversity aim; counts under {THRESHOLD} are withheld.")
    async def scheme_diversity(self, info: Ctx, mentoring_scheme_id: strawberry.ID) -> list[DiversityCount]:
        scheme = await coordinated_scheme(info.context, mentoring_scheme_id, "see the scheme's diversity")
        rows = await rows_of(info.context, select(tables.Participant).where(tables.Participant.scheme_id == scheme.id))
        counts = {aim: sum(aim in row.identities for row in rows) for aim in scheme.diversity_aims}
        return [DiversityCount(aim=aim, participants=n if n >= THRESHOLD else None) for aim, n in counts.items()]

    @strawberry.field(description="Unmatched mentees and mentors, ranked, with the reasons (coordinators).")
    async def suggested_matches(
        self, info: Ctx, mentoring_scheme_id: strawberry.ID, first: int = 10
    ) -> list[SuggestedMatch]:
        async with info.context.db.sessions() as session:
            found = await matching.suggestions(
                session, scheme_actor(info.context), mentoring_scheme_id, max(0, min(first, 100))
            )
        return [
            SuggestedMatch(
                mentee_id=strawberry.ID(s.mentee_id),
                mentor_id=strawberry.ID(s.mentor_id),
                score=s.score,
                reasons=list(s.reasons),
            )
            for s in found
        ]

    @strawberry.field(description="Your feedback surveys, answered or waiting.")
    async def my_surveys(self, info: Ctx) -> list[Survey]:
        mine = tables.SurveyInvitation.member_id == info.context.member().account_id
        query = select(tables.SurveyInvitation).where(mine).order_by(tables.SurveyInvitation.sent_at)
        async with info.context.db.sessions() as session:
            rows = list(await session.scalars(query))
            last = await surveys.last_waves(session, {row.group_id for row in rows})
        return [Survey.of(row, row.months == last.get(row.group_id)) for row in rows]

    @strawberry.field(description="The network's programme evaluations (hosts and coordinators).")
    async def programme_evaluations(self, info: Ctx, network_id: strawberry.ID) -> list[ProgrammeEvaluation]:
        await coordinated_network(scheme_actor(info.context), network_id, "read the programme evaluation")
        query = select(tables.Evaluation).where(tables.Evaluation.network_id == network_id)
        return [ProgrammeEvaluation.of(row) for row in await rows_of(info.context, query.order_by("produced_at"))]


@strawberry.type
class SchemeMutation:
    @strawberry.mutation(description="Defines a mentoring scheme (hosts and coordinators).")
    async def create_mentoring_scheme(self, info: Ctx, input: MentoringSchemeInput) -> MentoringScheme:
        async with info.context.db.transaction() as session:
            return MentoringScheme.of(await schemes.create_scheme(session, scheme_actor(info.context), input.draft()))

    @strawberry.mutation(description="Changes what you told a scheme you are enrolled in (apply to join it).")
    async def enrol_in_scheme(
        self, info: Ctx, mentoring_scheme_id: strawberry.ID, input: EnrolmentInput
    ) -> SchemeParticipant:
        async with info.context.db.transaction() as session:
            row = await schemes.change_enrolment(
                session, scheme_actor(info.context), mentoring_scheme_id, input.enrolment()
            )
            return SchemeParticipant.of(row)

    @strawberry.mutation(description="Posts what you can offer as a mentor and how many mentees you take.")
    async def post_mentoring_offer(
        self, info: Ctx, mentoring_scheme_id: strawberry.ID, text: str, capacity: int = 1
    ) -> MentoringOffer:
        async with info.context.db.transaction() as session:
            row = await schemes.post_offer(session, scheme_actor(info.context), mentoring_scheme_id, text, capacity)
            return MentoringOffer.of(row)

    @strawberry.mutation(description="Matches a mentor with mentees of the scheme and forms their group.")
    async def match_mentoring(
        self, info: Ctx, mentoring_scheme_id: strawberry.ID, mentor_id: strawberry.ID, mentee_ids: list[strawberry.ID]
    ) -> PeerGroupOverview:
        async with info.context.db.transaction() as session:
            group = await matching.match(
                session, scheme_actor(info.context), mentoring_scheme_id, mentor_id, mentee_ids
            )
        return await overview(info.context, group.id)

    @strawberry.mutation(description="Answers a survey, once. Scale questions take 1 to 5; text is optional.")
    async def answer_survey(self, info: Ctx, survey_id: strawberry.ID, answers: list[SurveyAnswerInput]) -> Survey:
        given = [surveys.Answer(a.key, a.scale, a.text) for a in answers]
        async with info.context.db.transaction() as session:
            row = await surveys.answer(session, info.context.member().account_id, survey_id, given)
            last = await surveys.last_waves(session, {row.group_id})
            return Survey.of(row, row.months == last.get(row.group_id))
