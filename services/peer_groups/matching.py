"""Matching by a coordinator (seed 004): suggested matches ranked and explained from what participants told the
scheme — practice areas, goals against what mentors offer, availability, and the scheme's diversity aims.
Explanations never name anyone's social identity."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.errors import InvalidInput
from services.moderation import api as moderation
from services.networks import api as networks
from services.peer_groups import events as ev
from services.peer_groups.access import Actor, coordinated_network
from services.peer_groups.groups import form_group
from services.peer_groups.schemes import formation, network_scheme
from services.peer_groups.tables import Offer, Participant, PeerGroup, Scheme

WORD = re.compile(r"[a-z]{5,}")


@dataclass(frozen=True)
class Suggestion:
    mentee_id: str
    mentor_id: str
    score: int
    reasons: tuple[str, ...]


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def score(scheme: Scheme, mentee: Participant, mentor: Participant, offered: str) -> Suggestion:
    areas = sorted(set(mentee.practice_areas) & set(mentor.practice_areas))
    topics = sorted(_words(mentee.goals) & _words(f"{offered} {mentor.goals}"))[:3]
    times = sorted(set(mentee.availability) & set(mentor.availability))
    diverse = bool(set(mentee.identities) & set(scheme.diversity_aims))
    reasons = [f"Shared practice areas: {', '.join(areas)}"] if areas else []
    reasons += [f"Their goals meet what the mentor offers: {', '.join(topics)}"] if topics else []
    reasons += [f"Both available: {', '.join(times)}"] if times else ["No availability in common"]
    reasons += ["Serves the scheme's diversity aims"] if diverse else []
    points = 3 * len(areas) + 2 * len(topics) + (2 * len(times) if times else -3) + (3 if diverse else 0)
    return Suggestion(mentee.member_id, mentor.member_id, points, tuple(reasons))


async def suggestions(session: AsyncSession, actor: Actor, scheme_id: str, limit: int) -> list[Suggestion]:
    """Unmatched mentees against the scheme's mentors, best first."""
    scheme = await network_scheme(session, actor, scheme_id)
    await coordinated_network(actor, scheme.network_id, "match mentors and mentees")
    people = list(await session.scalars(select(Participant).where(Participant.scheme_id == scheme.id)))
    offers = {o.mentor_id: o.text for o in await session.scalars(select(Offer).where(Offer.scheme_id == scheme.id))}
    mentees = [p for p in people if p.role == "mentee" and p.matched_group_id is None]
    mentors = [p for p in people if p.role == "mentor"]
    apart = await moderation.blocked_pairs(session, [p.member_id for p in people])
    ranked = [
        score(scheme, mentee, mentor, offers.get(mentor.member_id, ""))
        for mentee in mentees
        for mentor in mentors
        if frozenset((mentee.member_id, mentor.member_id)) not in apart
    ]
    return sorted(ranked, key=lambda s: (-s.score, s.mentee_id, s.mentor_id))[:limit]


async def match(
    session: AsyncSession, actor: Actor, scheme_id: str, mentor_id: str, mentee_ids: Sequence[str]
) -> PeerGroup:
    """The coordinator forms the group; each mentee must be an unmatched participant of the scheme."""
    scheme = await network_scheme(session, actor, scheme_id)
    await coordinated_network(actor, scheme.network_id, "match mentors and mentees")
    mentees = [await session.get(Participant, (scheme.id, m)) for m in mentee_ids]
    mentor = await session.get(Participant, (scheme.id, mentor_id))
    if mentor is None or mentor.role != "mentor" or any(m is None or m.role != "mentee" for m in mentees):
        raise InvalidInput("Match a mentor and mentees who enrolled in the scheme as such.")
    if any(m.matched_group_id for m in mentees if m):
        raise InvalidInput("Some of those mentees are matched already.")
    if await moderation.blocked_pairs(session, [*mentee_ids, mentor_id]):
        raise InvalidInput("Those members cannot be matched together; choose others.")
    group = await form_group(session, actor, formation(scheme, (*mentee_ids, mentor_id), mentor_id))
    for mentee in filter(None, mentees):
        mentee.matched_group_id = group.id
    await _record_match(session, actor, scheme, group, (*mentee_ids, mentor_id))
    return group


async def _record_match(
    session: AsyncSession, actor: Actor, scheme: Scheme, group: PeerGroup, matched: Sequence[str]
) -> None:
    coordinators = await networks.coordinator_ids_in(session, scheme.network_id)
    keys = sorted(map(audience.member, {*matched, *coordinators}))
    data = ev.MentoringMatched(scheme_id=scheme.id, group_id=group.id, actor_id=actor.id, members=len(matched))
    record(session, [new_event(data, subject=group.id, audience=keys, network=scheme.network_id)])
