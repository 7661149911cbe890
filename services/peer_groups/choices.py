"""A mentee's choice of a mentoring circle's offer, held while the circle's members answer the proposal it made
(schemes.choose_offer, proposals.py): declined, the choice is given back."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.peer_groups.tables import Offer, Participant


async def release_choice(session: AsyncSession, group_id: str, member_id: str) -> None:
    """The circle declined the mentee: their place in the offer is free again and they may choose anew."""
    chosen = select(Participant).where(
        Participant.member_id == member_id, Participant.matched_group_id == group_id, Participant.role == "mentee"
    )
    for mentee in await session.scalars(chosen):
        mentee.matched_group_id = None
        offer = select(Offer).where(Offer.scheme_id == mentee.scheme_id, Offer.group_id == group_id, Offer.taken > 0)
        for held in await session.scalars(offer):
            held.taken -= 1
