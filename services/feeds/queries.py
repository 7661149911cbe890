"""Reading feeds: a member's ranked page, built from the newest items of their audience keys.

A page scans each key's items newest first (an index range per key) and ranks what it finds. It stops once no
unscanned item could outrank the page: those are older than the last scanned time, so their key is at most
highest + time / HALF_LIFE. A cursor's key bounds the scan from above the same way, so every page costs about the
same, however long the feed.
"""

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.errors import NotFound
from services.feeds.outlook import Group, Outlook, Placement, Shown, learn
from services.feeds.ranking import HALF_LIFE, NETWORK, SEEN, highest, place
from services.feeds.tables import (
    FeedItem,
    FeedLocalGroup,
    ItemAudience,
    Mark,
)

BATCH = 50
Ranked = tuple[Shown, Placement]
Cursor = tuple[float, str]


SHOWN = (
    FeedItem.id,
    FeedItem.kind,
    FeedItem.title,
    FeedItem.excerpt,
    FeedItem.practice_areas,
    FeedItem.network_ids,
    FeedItem.local_group_id,
    FeedItem.peer_group_id,
    FeedItem.author_id,
    FeedItem.author_name,
    FeedItem.path,
    FeedItem.published_at,
)


def _stream(key: str, bound: datetime, scan: tuple[datetime, str] | None, since: datetime | None) -> Select[Any]:
    """One key's next items, newest first: an index range scan, limited inside its own subquery. A key the
    member joined late yields only what was published from `since` on."""
    query = select(*SHOWN).join(ItemAudience, ItemAudience.item_id == FeedItem.id)
    query = query.where(ItemAudience.key == key, ItemAudience.published_at <= bound)
    if since is not None:
        query = query.where(ItemAudience.published_at >= since)
    if scan is not None:
        time, ident = scan
        query = query.where(
            or_(ItemAudience.published_at < time, and_(ItemAudience.published_at == time, ItemAudience.item_id < ident))
        )
    limited = query.order_by(ItemAudience.published_at.desc(), ItemAudience.item_id.desc()).limit(BATCH).subquery()
    return select(*limited.c)


async def _newest(
    session: AsyncSession, outlook: Outlook, bound: datetime, scan: tuple[datetime, str] | None
) -> list[Shown]:
    """The next BATCH items, newest first, across the keys, in one round trip; rows, not objects."""
    streams = (_stream(key, bound, scan, outlook.sees_from.get(key)) for key in sorted(outlook.keys))
    merged = union_all(*streams).subquery()
    query = select(*merged.c).order_by(merged.c.published_at.desc(), merged.c.id.desc()).limit(BATCH)
    return list(await session.execute(query))


async def _lowest(session: AsyncSession, outlook: Outlook) -> float:
    """The smallest boost in this feed: items newer than a cursor's key minus it all rank above the cursor."""
    seen = select(Mark.item_id).where(Mark.member_id == outlook.member_id, Mark.dismissed.is_(False)).limit(1)
    return NETWORK + SEEN if await session.scalar(seen) else NETWORK


def _settled(found: dict[str, Ranked], limit: int, oldest: datetime, outlook: Outlook) -> bool:
    if len(found) <= limit:
        return False
    last_on_page = sorted((p.key for _, p in found.values()), reverse=True)[limit]
    return highest(outlook) + oldest.timestamp() / HALF_LIFE < last_on_page


async def ranked_page(session: AsyncSession, outlook: Outlook, limit: int, after: Cursor | None) -> list[Ranked]:
    """The page after `after` (a (key, item id) cursor), with one more item to tell whether more follow."""
    # Nothing from the future (a meeting not yet due), nothing that surely ranks above the cursor.
    bound = outlook.now
    if after:
        bound = min(bound, datetime.fromtimestamp((after[0] - await _lowest(session, outlook)) * HALF_LIFE, UTC))
    found: dict[str, Ranked] = {}
    considered: set[str] = set()
    scan: tuple[datetime, str] | None = None
    while rows := await _newest(session, outlook, bound, scan):
        scan = (rows[-1].published_at, rows[-1].id)
        fresh = list({row.id: row for row in rows if row.id not in considered}.values())
        await learn(session, outlook, fresh)
        considered.update(row.id for row in fresh)
        for item in fresh:
            if (placed := place(item, outlook)) and (after is None or (placed.key, item.id) < after):
                found[item.id] = (item, placed)
        if len(rows) < BATCH or _settled(found, limit, scan[0], outlook):
            break
    return sorted(found.values(), key=lambda r: (r[1].key, r[0].id), reverse=True)[: limit + 1]


async def visible_item(
    session: AsyncSession, item_id: str, keys: frozenset[str], sees_from: Mapping[str, datetime]
) -> FeedItem:
    item = await session.get(FeedItem, item_id)
    if item is None or item.withdrawn or not audience.admits(item.audience, item.published_at, keys, sees_from):
        raise NotFound("No such feed item.")
    return item


async def groups_like_yours(session: AsyncSession, outlook: Outlook, limit: int) -> list[tuple[Group, list[str]]]:
    """Other local groups of the member's networks working on the member's practice areas, most in common first."""
    query = select(FeedLocalGroup).where(
        FeedLocalGroup.network_id.in_(outlook.own(audience.AudienceKind.NETWORK)), FeedLocalGroup.gone.is_(False)
    )
    own, wanted = outlook.own(audience.AudienceKind.LOCAL_GROUP), outlook.interests()
    found = []
    for row in await session.scalars(query):
        shared = sorted(wanted & set(row.practice_areas))
        if shared and row.id not in own and ("local_group", row.id) not in outlook.mutes:
            found.append((Group(row.id, row.name, row.network_id, frozenset(row.practice_areas)), shared))
    return sorted(found, key=lambda g: (-len(g[1]), g[0].name))[:limit]
