"""Mentoring schemes (seed 004): a host sets aims, eligibility, type, length and an agreement; members enrol as
mentors or mentees; mentors post offers that mentees choose, or a coordinator matches them."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, InvalidInput, NotFound
from services.peer_groups import events as ev
from services.peer_groups.access import Actor, coordinated_network
from services.peer_groups.groups import Formation, form_group
from services.peer_groups.kinds import kind_of
from services.peer_groups.proposals import propose_seat
from services.peer_groups.tables import Offer, Participant, PeerGroup, Scheme
from services.peer_groups.text import clean_lines, clean_text, one_of


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
    scheme = Scheme(network_id=draft.network_id, name=clean_text(draft.name, "A scheme's name", 120, 2),
                    kind=draft.kind, aims=clean_text(draft.aims, "Aims", 5000), months=draft.months,
                    eligibility=clean_lines(draft.eligibility, "Eligibility", 300, 20),
                    agreement=clean_text(draft.agreement, "An agreement", 20_000),
                    diversity_aims=clean_lines(draft.diversity_aims, "Diversity aims", 80, 20),
                    questions=clean_lines(draft.questions, "Questions", 500, 10), created_at=utcnow())  # fmt: skip
    session.add(scheme)
    await session.flush()
    data = ev.SchemeCreated(scheme_id=scheme.id, network_id=scheme.network_id, name=scheme.name, kind=scheme.kind)
    record(session, [new_event(data, subject=scheme.id, audience=[audience.network(scheme.network_id)],
                               network=scheme.network_id)])  # fmt: skip
    return scheme


async def network_scheme(session: AsyncSession, actor: Actor, scheme_id: str) -> Scheme:
    scheme = await session.get(Scheme, scheme_id)
    if scheme is None or await actor.role_in(scheme.network_id) is None:
        raise NotFound("No such mentoring scheme.")
    return scheme


async def enrol(session: AsyncSession, actor: Actor, scheme_id: str, enrolment: Enrolment) -> Participant:
    scheme = await network_scheme(session, actor, scheme_id)
    one_of(enrolment.role, ("mentor", "mentee"), "A role in a scheme")
    participant = await session.get(Participant, (scheme.id, actor.id)) or Participant(scheme_id=scheme.id,
                                                                                      member_id=actor.id)  # fmt: skip
    participant.role = enrolment.role
    participant.practice_areas = clean_lines(enrolment.practice_areas, "Practice areas", 80, 20)
    participant.goals = clean_text(enrolment.goals, "Goals", 5000)
    participant.availability = clean_lines(enrolment.availability, "Availability", 80, 14)
    participant.identities = clean_lines(enrolment.identities, "Social identity", 80, 10)
    session.add(participant)
    await session.flush()
    return participant


async def post_offer(session: AsyncSession, actor: Actor, scheme_id: str, text: str, capacity: int) -> Offer:
    scheme = await network_scheme(session, actor, scheme_id)
    mentor = await session.get(Participant, (scheme.id, actor.id))
    if mentor is None or mentor.role != "mentor":
        raise Conflict("Enrol in the scheme as a mentor before you post an offer.")
    if not 1 <= capacity <= kind_of(scheme.kind).most:
        raise InvalidInput(f"You can take 1 to {kind_of(scheme.kind).most} mentees in this scheme.")
    offer = Offer(scheme_id=scheme.id, mentor_id=actor.id, text=clean_text(text, "An offer", 5000, 10),
                  capacity=capacity, taken=0, created_at=utcnow())  # fmt: skip
    session.add(offer)
    await session.flush()
    data = ev.OfferPosted(offer_id=offer.id, scheme_id=scheme.id, mentor_id=actor.id)
    record(session, [new_event(data, subject=offer.id, audience=[audience.network(scheme.network_id)],
                               network=scheme.network_id)])  # fmt: skip
    return offer


async def choose_offer(session: AsyncSession, actor: Actor, offer_id: str) -> PeerGroup:
    """A mentee takes up an offer: a new group with the mentor, or a place proposed in the mentor's circle."""
    offer = await session.get(Offer, offer_id)
    if offer is None or await actor.role_in((await session.get_one(Scheme, offer.scheme_id)).network_id) is None:
        raise NotFound("No such mentoring offer.")
    scheme = await session.get_one(Scheme, offer.scheme_id)
    mentee = await session.get(Participant, (scheme.id, actor.id))
    if mentee is None or mentee.role != "mentee" or mentee.matched_group_id:
        raise Conflict("Enrol in the scheme as a mentee (not yet matched) to choose an offer.")
    if offer.taken >= offer.capacity:
        raise Conflict("This offer is taken; choose another.")
    group = await _matched_group(session, actor, scheme, offer)
    offer.taken, mentee.matched_group_id = offer.taken + 1, group.id
    return group


async def _matched_group(session: AsyncSession, actor: Actor, scheme: Scheme, offer: Offer) -> PeerGroup:
    if offer.group_id is not None:
        circle = await session.get_one(PeerGroup, offer.group_id)
        # A running circle: the mentee's choice is their acceptance; its members still agree to them.
        await propose_seat(session, actor, circle, actor.id, None)
        return circle
    has_mentor = kind_of(scheme.kind).has_mentor
    formation = Formation(scheme.network_id, scheme.kind, f"{scheme.name}: mentoring", (actor.id, offer.mentor_id),
                          offer.mentor_id if has_mentor else None, scheme.id)  # fmt: skip
    group = await form_group(session, actor, formation)
    offer.group_id = group.id if scheme.kind == "mentoring_circle" else None
    return group
