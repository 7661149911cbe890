"""Mentoring schemes (seed 004): a host sets aims, eligibility, type, length, screening questions and an agreement;
members apply (applications.py) and, approved, are enrolled as mentors or mentees; mentors post offers that mentees
choose (offer_choices.py), or a coordinator matches them. The scheme shapes its groups (`formation`)."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, InvalidInput, NotFound
from infra.text import clean_lines, clean_text, one_of
from services.peer_groups import events as ev
from services.peer_groups.access import Actor, coordinated_network
from services.peer_groups.groups import Formation
from services.peer_groups.kinds import DEFAULT_NORMS, kind_of
from services.peer_groups.publications import scheme_publication
from services.peer_groups.tables import Offer, Participant, Scheme


@dataclass(frozen=True)
class SchemeDraft:
    network_id: str
    name: str
    kind: str
    aims: str = ""
    eligibility: tuple[str, ...] = ()
    months: int = 12
    agreement: str = ""
    diversity_aims: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    screening: tuple[str, ...] = ()


@dataclass(frozen=True)
class Enrolment:
    role: str
    practice_areas: tuple[str, ...] = ()
    goals: str = ""
    availability: tuple[str, ...] = ()
    identities: tuple[str, ...] = ()  # sensitive: coordinators only, aggregates elsewhere


async def create_scheme(session: AsyncSession, actor: Actor, draft: SchemeDraft) -> Scheme:
    await coordinated_network(actor, draft.network_id, "define mentoring schemes")
    kind_of(draft.kind)
    if not 1 <= draft.months <= 60:
        raise InvalidInput("A scheme lasts 1 to 60 months.")
    clean_lines(agreement_lines(draft.agreement), "A line of the agreement", 500, 30)
    scheme = Scheme(
        network_id=draft.network_id,
        name=clean_text(draft.name, "A scheme's name", 120, 2),
        kind=draft.kind,
        aims=clean_text(draft.aims, "Aims", 5000),
        months=draft.months,
        eligibility=clean_lines(draft.eligibility, "Eligibility", 300, 20),
        agreement=clean_text(draft.agreement, "An agreement", 20_000),
        diversity_aims=clean_lines(draft.diversity_aims, "Diversity aims", 80, 20),
        questions=clean_lines(draft.questions, "Questions", 500, 10),
        screening=clean_lines(draft.screening, "Screening questions", 500, 10),
        created_at=utcnow(),
    )
    session.add(scheme)
    await session.flush()
    data = ev.SchemeCreated(
        scheme_id=scheme.id,
        network_id=scheme.network_id,
        name=scheme.name,
        kind=scheme.kind,
        publication=scheme_publication(scheme),
    )
    record(
        session,
        [new_event(data, subject=scheme.id, audience=[audience.network(scheme.network_id)], network=scheme.network_id)],
    )
    return scheme


async def network_scheme(session: AsyncSession, actor: Actor, scheme_id: str) -> Scheme:
    scheme = await session.get(Scheme, scheme_id)
    if scheme is None or await actor.role_in(scheme.network_id) is None:
        raise NotFound("No such mentoring scheme.")
    return scheme


def agreement_lines(agreement: str) -> list[str]:
    return [line.strip() for line in agreement.splitlines() if line.strip()]


def formation(scheme: Scheme, member_ids: tuple[str, ...], mentor_id: str) -> Formation:
    """A group of the scheme: its kind, its agreement as the contract, its length as the cadence's span."""
    has_mentor = kind_of(scheme.kind).has_mentor
    norms = tuple(agreement_lines(scheme.agreement)) or DEFAULT_NORMS
    return Formation(
        scheme.network_id,
        scheme.kind,
        f"{scheme.name}: mentoring",
        member_ids,
        mentor_id if has_mentor else None,
        scheme.id,
        norms,
        scheme.months,
    )


def checked_enrolment(enrolment: Enrolment) -> dict[str, str | list[str]]:
    return {
        "role": one_of(enrolment.role, ("mentor", "mentee"), "A role in a scheme"),
        "practice_areas": clean_lines(enrolment.practice_areas, "Practice areas", 80, 20),
        "goals": clean_text(enrolment.goals, "Goals", 5000),
        "availability": clean_lines(enrolment.availability, "Availability", 80, 14),
        "identities": clean_lines(enrolment.identities, "Social identity", 80, 10),
    }


async def enrol(session: AsyncSession, scheme: Scheme, member_id: str, enrolment: Enrolment) -> Participant:
    """Enrols an approved applicant (applications.decide), or changes an enrolled member's answers."""
    checked = checked_enrolment(enrolment)
    participant = await session.get(Participant, (scheme.id, member_id)) or Participant(
        scheme_id=scheme.id, member_id=member_id
    )
    for name, value in checked.items():
        setattr(participant, name, value)
    session.add(participant)
    await session.flush()
    return participant


async def change_enrolment(session: AsyncSession, actor: Actor, scheme_id: str, enrolment: Enrolment) -> Participant:
    scheme = await network_scheme(session, actor, scheme_id)
    if await session.get(Participant, (scheme.id, actor.id)) is None:
        raise Conflict("Apply to the scheme first: a coordinator approves each application.")
    return await enrol(session, scheme, actor.id, enrolment)


async def post_offer(session: AsyncSession, actor: Actor, scheme_id: str, text: str, capacity: int) -> Offer:
    scheme = await network_scheme(session, actor, scheme_id)
    mentor = await session.get(Participant, (scheme.id, actor.id))
    if mentor is None or mentor.role != "mentor":
        raise Conflict("Enrol in the scheme as a mentor before you post an offer.")
    if not 1 <= capacity <= kind_of(scheme.kind).most:
        raise InvalidInput(f"You can take 1 to {kind_of(scheme.kind).most} mentees in this scheme.")
    offer = Offer(
        scheme_id=scheme.id,
        mentor_id=actor.id,
        text=clean_text(text, "An offer", 5000, 10),
        capacity=capacity,
        taken=0,
        created_at=utcnow(),
    )
    session.add(offer)
    await session.flush()
    data = ev.OfferPosted(offer_id=offer.id, scheme_id=scheme.id, mentor_id=actor.id)
    record(
        session,
        [new_event(data, subject=offer.id, audience=[audience.network(scheme.network_id)], network=scheme.network_id)],
    )
    return offer
