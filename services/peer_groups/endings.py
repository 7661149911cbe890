"""A mentoring relationship may end early, without blame (seed 004: "agree length of mentoring relationship"):
any of its members ends it; nobody is named and no reason asked. Its group's programme finishes then, and its
mentees and mentors are free to choose or be matched again."""

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict
from services.peer_groups import events as ev
from services.peer_groups.access import member_group
from services.peer_groups.publications import group_event
from services.peer_groups.tables import Choice, Offer, Participant, PeerGroup


async def end_mentoring(session: AsyncSession, member_id: str, group_id: str) -> PeerGroup:
    group, _ = await member_group(session, member_id, group_id)
    if group.scheme_id is None:
        raise Conflict("Only a mentoring scheme's relationship ends this way; to leave a peer group, leave it.")
    if group.ended_at is not None:
        raise Conflict("This mentoring relationship has ended already.")
    group.ended_at = utcnow()
    await _release(session, group.id)
    record(session, [group_event(ev.MentoringEnded(group_id=group.id, scheme_id=group.scheme_id), group.id, group)])
    return group


async def _release(session: AsyncSession, group_id: str) -> None:
    """Frees the group's mentees and the offers' places they took, so that all may be matched again."""
    await session.execute(
        update(Participant).where(Participant.matched_group_id == group_id).values(matched_group_id=None)
    )
    for choice in await session.scalars(select(Choice).where(Choice.group_id == group_id, Choice.state == "accepted")):
        offer = await session.get_one(Offer, choice.offer_id)
        offer.taken, choice.state = max(0, offer.taken - 1), "ended"
    await session.execute(update(Offer).where(Offer.group_id == group_id).values(group_id=None))
