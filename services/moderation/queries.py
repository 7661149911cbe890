"""Reading flags for review and the record of acts."""

from datetime import datetime

from sqlalchemy import Select, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import rows_changed
from infra.viewer import Viewer
from services.moderation.reviewers import reviews
from services.moderation.tables import Act, Flag
from services.networks import api as networks

# Flags still asking for a step: open ones (hide or dismiss) and hidden ones (restore).
PENDING = ("open", "hidden")
QUEUE_LIMIT = 200


async def review_queue(session: AsyncSession, viewer: Viewer, network_id: str) -> list[Flag]:
    """The flags of the network the viewer reviews, oldest first; none for anyone who reviews none."""
    role = await networks.role_of(session, network_id, viewer.account_id)
    if role is None:
        return []
    query = select(Flag).where(Flag.network_id == network_id, Flag.status.in_(PENDING))
    flags = await session.scalars(query.order_by(Flag.created_at, Flag.id).limit(QUEUE_LIMIT))
    return [flag for flag in flags if reviews(flag, viewer, role)]


def acts_in(network_id: str) -> Select[Act]:
    return select(Act).where(Act.network_id == network_id).order_by(Act.at.desc(), Act.event_id)


async def forget_before(session: AsyncSession, moment: datetime) -> int:
    """Retention: drops decided flags and recorded acts older than `moment`; how many rows went."""
    flags = await rows_changed(session, delete(Flag).where(Flag.status.not_in(PENDING), Flag.decided_at < moment))
    return flags + await rows_changed(session, delete(Act).where(Act.at < moment))
