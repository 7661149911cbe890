"""A member's feed highlights for a period, which the notifications service mails in its digests: the best unseen
items published in the period, ranked as their feed ranks them.

Read from the member's circles outside any peer group: an email never carries a peer group's content, so only
what its author shared wider (a network, a local group, the platform) is highlighted.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.feeds.outlook import outlook_of
from services.feeds.queries import ranked_page
from services.feeds.tables import FeedMember
from services.networks import api as networks

SHOWN = 10


@dataclass(frozen=True)
class Highlight:
    title: str
    excerpt: str
    path: str
    reason: str


async def highlights_in(session: AsyncSession, member_id: str, since: datetime, until: datetime) -> list[Highlight]:
    """Up to SHOWN items published in (since, until] the member has not seen, best first."""
    # Networks' circles only (the platform, networks, local groups): no peer group's key, so no late seats either.
    outlook = await outlook_of(session, member_id, await networks.audiences_in(session, member_id), {})
    outlook.now = until
    ranked = await ranked_page(session, outlook, 5 * SHOWN, None)
    found = [(item, placed) for item, placed in ranked if since < item.published_at and not placed.seen]
    return [Highlight(item.title, item.excerpt, item.path, placed.reason) for item, placed in found[:SHOWN]]


async def member_ids_in(session: AsyncSession) -> list[str]:
    """Every member the feeds know of: each has a feed to highlight."""
    return list(await session.scalars(select(FeedMember.member_id).order_by(FeedMember.member_id)))
