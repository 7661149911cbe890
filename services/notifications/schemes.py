"""Mentoring schemes, as notifications: an application to the network's coordinators, its decision to the
applicant, a mentee's choice to the mentor and the mentor's answer to the mentee. Each names the scheme, never an
application's answers or a decision's reason, which the people concerned read in the app."""

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.networks import api as networks
from services.notifications.kinds import Kind
from services.notifications.notice import Happening, Notice
from services.peer_groups import api as peer_groups
from services.peer_groups import events as groups


async def _scheme(session: AsyncSession, scheme_id: str) -> str:
    return await peer_groups.scheme_name_in(session, scheme_id) or "a mentoring scheme"


def _notice(event: Event, kind: Kind, subject: str, phrase: str, scheme_id: str) -> Notice:
    return Notice(kind, subject, phrase, f"/networks/{event.network}/schemes/{scheme_id}", event.time, event.audience)


async def application_made(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.ApplicationMade)
    phrase = f"a member applied to {await _scheme(session, data.scheme_id)} as a {data.role}: it awaits your answer"
    coordinators = await networks.coordinator_ids_in(session, event.network) if event.network else []
    notice = _notice(event, Kind.SCHEME_APPLICATION, f"application:{data.application_id}", phrase, data.scheme_id)
    return notice, [c for c in coordinators if c != data.member_id]


async def application_decided(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.ApplicationDecided)
    answer = "approved: you are enrolled" if data.approved else "declined: read why in the scheme"
    phrase = f"your application to {await _scheme(session, data.scheme_id)} was {answer}"
    notice = _notice(event, Kind.APPLICATION_DECIDED, f"application:{data.application_id}", phrase, data.scheme_id)
    return notice, [data.member_id]


async def offer_chosen(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.OfferChosen)
    phrase = f"a mentee chose your offer in {await _scheme(session, data.scheme_id)}: accept or decline their choice"
    return _notice(event, Kind.OFFER_CHOSEN, f"choice:{data.choice_id}", phrase, data.scheme_id), [data.mentor_id]


async def choice_answered(event: Event, session: AsyncSession) -> Happening:
    data = read(event, groups.ChoiceAnswered)
    answer = "accepted" if data.accepted else "declined: you may choose another offer"
    phrase = f"your choice of an offer in {await _scheme(session, data.scheme_id)} was {answer}"
    return _notice(event, Kind.CHOICE_ANSWERED, f"choice:{data.choice_id}", phrase, data.scheme_id), [data.mentee_id]


SCHEMES = {
    "peer_groups.application.made": application_made,
    "peer_groups.application.decided": application_decided,
    "peer_groups.offer.chosen": offer_chosen,
    "peer_groups.choice.answered": choice_answered,
}
