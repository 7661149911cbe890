"""Applying to schemes and choosing mentors' offers, in the GraphQL schema."""

import strawberry
from sqlalchemy import or_, select

from infra.context import Ctx
from services.peer_groups import applications, offer_choices
from services.peer_groups.application_types import MentoringChoice, SchemeApplication
from services.peer_groups.scheme_resolvers import EnrolmentInput, coordinated_scheme, rows_of, scheme_actor
from services.peer_groups.schemes import network_scheme
from services.peer_groups.tables import Application, Choice, Offer


@strawberry.type
class ApplicationQuery:
    @strawberry.field(description="Applications to a scheme, oldest first (hosts and coordinators).")
    async def scheme_applications(
        self, info: Ctx, mentoring_scheme_id: strawberry.ID, state: str | None = "pending"
    ) -> list[SchemeApplication]:
        scheme = await coordinated_scheme(info.context, mentoring_scheme_id, "read the scheme's applications")
        query = select(Application).where(Application.scheme_id == scheme.id).order_by(Application.created_at)
        query = query.where(Application.state == state) if state else query
        return [SchemeApplication.of(row) for row in await rows_of(info.context, query)]

    @strawberry.field(description="Your applications to schemes, with their answers.")
    async def my_scheme_applications(self, info: Ctx) -> list[SchemeApplication]:
        query = select(Application).where(Application.member_id == info.context.member().account_id)
        return [
            SchemeApplication.of(row) for row in await rows_of(info.context, query.order_by(Application.created_at))
        ]

    @strawberry.field(description="Choices in a scheme that concern you: yours as a mentee, and of your offers.")
    async def mentoring_choices(self, info: Ctx, mentoring_scheme_id: strawberry.ID) -> list[MentoringChoice]:
        me = info.context.member().account_id
        async with info.context.db.sessions() as session:
            scheme = await network_scheme(session, scheme_actor(info.context), mentoring_scheme_id)
        query = (
            select(Choice)
            .join(Offer, Offer.id == Choice.offer_id)
            .where(Offer.scheme_id == scheme.id, or_(Choice.mentee_id == me, Offer.mentor_id == me))
        )
        return [MentoringChoice.of(row) for row in await rows_of(info.context, query.order_by(Choice.created_at))]


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(
        description="Applies to a scheme as a mentor or mentee, once, answering its screening "
        "questions in order; `meetsEligibility` confirms you meet its eligibility."
    )
    async def apply_to_scheme(
        self,
        info: Ctx,
        mentoring_scheme_id: strawberry.ID,
        input: EnrolmentInput,
        answers: list[str] | None = None,
        meets_eligibility: bool = False,
    ) -> SchemeApplication:
        async with info.context.db.transaction() as session:
            row = await applications.apply(
                session,
                scheme_actor(info.context),
                mentoring_scheme_id,
                input.enrolment(),
                answers or [],
                meets_eligibility,
            )
            return SchemeApplication.of(row)

    @strawberry.mutation(description="Approves (enrolling the applicant) or declines, with a reason, an application.")
    async def decide_scheme_application(
        self, info: Ctx, application_id: strawberry.ID, approve: bool, reason: str = ""
    ) -> SchemeApplication:
        async with info.context.db.transaction() as session:
            row = await applications.decide(session, scheme_actor(info.context), application_id, approve, reason)
            return SchemeApplication.of(row)

    @strawberry.mutation(description="Chooses a mentor's offer; the mentor accepts or declines your choice.")
    async def choose_mentoring_offer(self, info: Ctx, mentoring_offer_id: strawberry.ID) -> MentoringChoice:
        async with info.context.db.transaction() as session:
            row = await offer_choices.choose_offer(session, scheme_actor(info.context), mentoring_offer_id)
            return MentoringChoice.of(row)

    @strawberry.mutation(
        description="The mentor's answer to a mentee's choice: accepting forms your group with them "
        "(or proposes them to your circle, whose members agree as for any newcomer)."
    )
    async def answer_mentoring_choice(self, info: Ctx, choice_id: strawberry.ID, accept: bool) -> MentoringChoice:
        async with info.context.db.transaction() as session:
            row = await offer_choices.answer_choice(session, scheme_actor(info.context), choice_id, accept)
            return MentoringChoice.of(row)
