"""Mentees choose mentors' offers (seed 004, "mentors post their details ... mentees self select"); the mentor
accepts the choice, forming their group (or proposing the mentee to a running circle, whose members agree as for
any seat), or declines it. News of a choice reaches the mentee and the mentor only."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, NotFound
from services.peer_groups import events as ev
from services.peer_groups.access import Actor
from services.peer_groups.groups import form_group
from services.peer_groups.proposals import propose_seat
from services.peer_groups.schemes import formation
from services.peer_groups.tables import Choice, Offer, Participant, PeerGroup, Scheme

NO_CHOICE = "No such choice waiting for your answer: only its mentor answers it."


async def _offer(session: AsyncSession, actor: Actor, offer_id: str) -> tuple[Offer, Scheme]:
    found = (
        await session.execute(
            select(Offer, Scheme)
            .join(Scheme, Scheme.id == Offer.scheme_id)
            .where(Offer.id == offer_id, Scheme.network_id.in_(_networks(actor)))
        )
    ).first()
    if found is None:
        raise NotFound("No such mentoring offer.")
    return found[0], found[1]


def _networks(actor: Actor) -> list[str]:
    return audience.ids_of(audience.AudienceKind.NETWORK, actor.viewer.audiences)


async def _unmatched_mentee(session: AsyncSession, scheme: Scheme, member_id: str) -> Participant:
    mentee = await session.get(Participant, (scheme.id, member_id))
    if mentee is None or mentee.role != "mentee" or mentee.matched_group_id:
        raise Conflict("Only a mentee of the scheme who is not yet matched can take up an offer.")
    return mentee


def _record(session: AsyncSession, data: ev.OfferChosen, scheme: Scheme) -> None:
    keys = sorted({audience.member(data.mentee_id), audience.member(data.mentor_id)})
    record(session, [new_event(data, subject=data.choice_id, audience=keys, network=scheme.network_id)])


async def choose_offer(session: AsyncSession, actor: Actor, offer_id: str) -> Choice:
    """The mentee's choice, which waits for the mentor's answer; one choice at a time per scheme."""
    offer, scheme = await _offer(session, actor, offer_id)
    await _unmatched_mentee(session, scheme, actor.id)
    offers = select(Offer.id).where(Offer.scheme_id == scheme.id)
    waiting = select(Choice.id).where(
        Choice.mentee_id == actor.id, Choice.state == "pending", Choice.offer_id.in_(offers)
    )
    if await session.scalar(waiting) is not None:
        raise Conflict("Your choice of an offer is waiting for its mentor's answer; choose again once it is answered.")
    if offer.taken >= offer.capacity:
        raise Conflict("This offer is taken; choose another.")
    choice = Choice(offer_id=offer.id, mentee_id=actor.id, state="pending", created_at=utcnow())
    session.add(choice)
    await session.flush()
    _record(
        session,
        ev.OfferChosen(
            choice_id=choice.id, offer_id=offer.id, scheme_id=scheme.id, mentee_id=actor.id, mentor_id=offer.mentor_id
        ),
        scheme,
    )
    return choice


async def answer_choice(session: AsyncSession, actor: Actor, choice_id: str, accept: bool) -> Choice:
    """One read that finds only choices of the actor's own offers."""
    query = select(Choice, Offer).join(Offer, Offer.id == Choice.offer_id)
    found = (await session.execute(query.where(Choice.id == choice_id, Offer.mentor_id == actor.id))).first()
    if found is None:
        raise NotFound(NO_CHOICE)
    choice, offer = found[0], found[1]
    if choice.state != "pending":
        raise Conflict("This choice was answered already.")
    scheme = await session.get_one(Scheme, offer.scheme_id)
    if accept:
        choice.group_id = await _seat_mentee(session, actor, scheme, offer, choice.mentee_id)
    choice.state, choice.answered_at = ("accepted" if accept else "declined"), utcnow()
    _record(
        session,
        ev.ChoiceAnswered(
            choice_id=choice.id,
            offer_id=offer.id,
            scheme_id=scheme.id,
            mentee_id=choice.mentee_id,
            mentor_id=offer.mentor_id,
            accepted=accept,
            group_id=choice.group_id,
        ),
        scheme,
    )
    return choice


async def _seat_mentee(session: AsyncSession, actor: Actor, scheme: Scheme, offer: Offer, mentee_id: str) -> str:
    mentee = await _unmatched_mentee(session, scheme, mentee_id)
    if offer.taken >= offer.capacity:
        raise Conflict("Your offer is full; decline the choice, or end a relationship first.")
    group = await _matched_group(session, actor, scheme, offer, mentee_id)
    offer.taken, mentee.matched_group_id = offer.taken + 1, group.id
    return group.id


async def _matched_group(
    session: AsyncSession, actor: Actor, scheme: Scheme, offer: Offer, mentee_id: str
) -> PeerGroup:
    if offer.group_id is not None:
        circle = await session.get_one(PeerGroup, offer.group_id)
        await propose_seat(session, actor, circle, mentee_id, None, chosen=True)
        return circle
    group = await form_group(session, actor, formation(scheme, (mentee_id, offer.mentor_id), offer.mentor_id))
    offer.group_id = group.id if scheme.kind == "mentoring_circle" else None
    return group
