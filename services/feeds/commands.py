"""What members change about their own feed: marks, follows and mutes. Nothing else writes these
tables, and replay never touches them."""

from enum import StrEnum

from sqlalchemy import ColumnElement, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.audience import AudienceKind
from infra.columns import utcnow
from infra.errors import NotFound
from infra.upserts import upsert
from infra.viewer import Viewer
from services.feeds import changes
from services.feeds.queries import visible_item
from services.feeds.tables import FeedItem, FeedLocalGroup, FeedNetwork, Interest, Mark
from services.networks.api import DEFAULT_PRACTICE_AREAS


class InterestKind(StrEnum):
    PRACTICE_AREA = "practice_area"
    LOCAL_GROUP = "local_group"
    NETWORK = "network"


class Stance(StrEnum):
    FOLLOW = "follow"
    MUTE = "mute"


async def mark(session: AsyncSession, viewer: Viewer, item_id: str, dismissed: bool) -> FeedItem:
    """Seen items drop in the feed, dismissed ones leave it; a dismissal is never undone by a later 'seen'."""
    item = await visible_item(session, item_id, viewer.audiences, viewer.sees_from)
    row = {"member_id": viewer.account_id, "item_id": item.id, "dismissed": dismissed, "marked_at": utcnow()}
    await upsert(session, Mark, [row], ["dismissed", "marked_at"] if dismissed else [])
    await changes.count_member(session, viewer.account_id)
    return item


def _networks_seen_by(viewer: Viewer) -> ColumnElement[bool]:
    """Networks the viewer may see: public ones and their own."""
    return or_(FeedNetwork.is_public, FeedNetwork.id.in_(audience.ids_of(AudienceKind.NETWORK, viewer.audiences)))


async def _known_target(session: AsyncSession, viewer: Viewer, kind: InterestKind, target: str) -> str:
    """The normalised target, if the viewer may see it. One read filtered by what the viewer may see, so a hidden
    target reads as missing, the same way."""
    if kind is InterestKind.PRACTICE_AREA:
        area = " ".join(target.lower().split())
        query = select(FeedLocalGroup.practice_areas).join(FeedNetwork, FeedNetwork.id == FeedLocalGroup.network_id)
        rows = await session.scalars(query.where(_networks_seen_by(viewer), FeedLocalGroup.gone.is_(False)))
        if area in DEFAULT_PRACTICE_AREAS or any(area in areas for areas in rows):
            return area
        raise NotFound("No such practice area.")
    if kind is InterestKind.LOCAL_GROUP:
        mine = FeedLocalGroup.network_id.in_(audience.ids_of(AudienceKind.NETWORK, viewer.audiences))
        group = select(FeedLocalGroup.id).where(FeedLocalGroup.id == target, FeedLocalGroup.gone.is_(False), mine)
        if (group_id := await session.scalar(group)) is None:
            raise NotFound("No such local group.")
        return group_id
    network_id = await session.scalar(select(FeedNetwork.id).where(FeedNetwork.id == target, _networks_seen_by(viewer)))
    if network_id is None:
        raise NotFound("No such network.")
    return network_id


async def choose(
    session: AsyncSession, viewer: Viewer, kind: InterestKind, target: str, stance: Stance, on: bool
) -> None:
    """Follows or mutes (`stance`) a practice area, local group or network, or stops doing so (`on` False)."""
    target = await _known_target(session, viewer, kind, target)
    await changes.count_member(session, viewer.account_id)
    if on:
        row = {"member_id": viewer.account_id, "kind": kind.value, "target": target, "stance": stance.value}
        await upsert(session, Interest, [row], ["stance"])
        return
    await session.execute(
        delete(Interest).where(
            Interest.member_id == viewer.account_id,
            Interest.kind == kind.value,
            Interest.target == target,
            Interest.stance == stance.value,
        )
    )
