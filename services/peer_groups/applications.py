"""Applications to a mentoring scheme (seed 004, "decide who will be eligible"): a member of the scheme's network
applies as a mentor or mentee, confirming its eligibility and answering its screening questions; a coordinator
approves (which enrols them) or declines with a reason the applicant is told. News of an application reaches the
applicant and the network's hosts and coordinators only (`member:<id>` keys), never the network."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import Payload, new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, InvalidInput, NotFound
from infra.text import clean_text
from services.networks import api as networks
from services.peer_groups import events as ev
from services.peer_groups.access import Actor
from services.peer_groups.schemes import Enrolment, checked_enrolment, enrol, network_scheme
from services.peer_groups.tables import Application, Scheme

NO_APPLICATION = "No such application."


async def _record(session: AsyncSession, scheme: Scheme, application: Application, data: Payload) -> None:
    coordinators = await networks.coordinator_ids_in(session, scheme.network_id)
    keys = sorted({audience.member(application.member_id), *map(audience.member, coordinators)})
    record(session, [new_event(data, subject=application.id, audience=keys, network=scheme.network_id)])


def _answers(scheme: Scheme, answers: list[str], eligible: bool) -> list[dict[str, str]]:
    if scheme.eligibility and not eligible:
        raise InvalidInput(f"Confirm that you meet the scheme's eligibility: {'; '.join(scheme.eligibility)}.")
    if len(answers) != len(scheme.screening):
        raise InvalidInput(f"Answer each of the scheme's {len(scheme.screening)} screening questions.")
    texts = [clean_text(answer, "An answer to a screening question", 5000, 1) for answer in answers]
    return [{"question": q, "answer": a} for q, a in zip(scheme.screening, texts, strict=True)]


async def apply(
    session: AsyncSession, actor: Actor, scheme_id: str, enrolment: Enrolment, answers: list[str], eligible: bool
) -> Application:
    scheme = await network_scheme(session, actor, scheme_id)
    mine = select(Application.id).where(Application.scheme_id == scheme.id, Application.member_id == actor.id)
    if await session.scalar(mine) is not None:
        raise Conflict("You applied to this scheme already; each member applies once.")
    application = Application(
        scheme_id=scheme.id,
        member_id=actor.id,
        enrolment=checked_enrolment(enrolment),
        answers=_answers(scheme, answers, eligible),
        state="pending",
        created_at=utcnow(),
    )
    session.add(application)
    await session.flush()
    data = ev.ApplicationMade(
        application_id=application.id, scheme_id=scheme.id, member_id=actor.id, role=enrolment.role
    )
    await _record(session, scheme, application, data)
    return application


async def coordinated_application(session: AsyncSession, actor: Actor, application_id: str) -> Application:
    """One read, filtered by the networks the actor coordinates: to anyone else an application does not exist."""
    query = (
        select(Application)
        .join(Scheme, Scheme.id == Application.scheme_id)
        .where(Application.id == application_id, Scheme.network_id.in_(await actor.coordinated()))
    )
    application = await session.scalar(query)
    if application is None:
        raise NotFound(NO_APPLICATION)
    return application


async def decide(session: AsyncSession, actor: Actor, application_id: str, approve: bool, reason: str) -> Application:
    """Approving enrols the applicant as they asked; declining needs a reason, which only the applicant is told."""
    application = await coordinated_application(session, actor, application_id)
    if application.state != "pending":
        raise Conflict("This application was answered already.")
    said = clean_text(reason, "A reason", 2000)
    if not approve and not said:
        raise InvalidInput("Say why you decline the application: the applicant is told your reason.")
    scheme = await session.get_one(Scheme, application.scheme_id)
    if approve:
        await enrol(session, scheme, application.member_id, Enrolment(**application.enrolment))
    application.state, application.reason = ("approved" if approve else "declined"), said
    application.decided_by, application.decided_at = actor.id, utcnow()
    data = ev.ApplicationDecided(
        application_id=application.id,
        scheme_id=scheme.id,
        member_id=application.member_id,
        approved=approve,
        actor_id=actor.id,
    )
    await _record(session, scheme, application, data)
    return application
