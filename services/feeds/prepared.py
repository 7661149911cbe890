"""Prepared first pages: the page every member opens, read in one indexed query while it still holds.

Ranking (queries.ranked_page) scans the newest items of the member's keys and places each, several round trips;
a member opens their first page many times between two changes to it. So a ranked first page is kept with:
- a digest of the outlook it was ranked for (the request's circles, late seats and blocks): a member who joins,
  leaves or blocks someone has another digest and never reads a page ranked for their old circles;
- the sum of the change counts (changes.py) of its keys, `member:<id>` and `*` when ranking began: any write it
  depends on moves the sum (read before ranking, so a write landing meanwhile only costs a second ranking);
- the time it holds until: the next item of its keys to fall due, or the end of a meeting on it.
The read asks for all three in one statement; otherwise the page is ranked as before and kept.
"""

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import make_dataclass
from datetime import datetime
from typing import Any, get_type_hints

from sqlalchemy import BindParameter, Select, bindparam, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.database import Database
from infra.upserts import upsert
from infra.viewer import Viewer
from services.feeds.changes import EVERYONE, member_key
from services.feeds.outlook import Placement, Shown, outlook_of
from services.feeds.queries import Cursor, Ranked, ranked_page
from services.feeds.ranking import DUE_AHEAD
from services.feeds.tables import ChangeCount, ItemAudience, PreparedPage

# The longest first page kept; longer first pages, and every later page, are ranked for the asking.
PREPARED = 20
log = logging.getLogger(__name__)


# A kept item: the fields ranking and the page read (outlook.Shown), and nothing more.
FIELDS = get_type_hints(Shown)
PreparedItem = make_dataclass("PreparedItem", list(FIELDS.items()))


def _entry(ranked: Ranked) -> dict[str, Any]:
    row, placed = ranked
    fields = {name: getattr(row, name) for name in FIELDS}
    return {**fields, "published_at": row.published_at.isoformat(), "placed": [placed.key, placed.reason, placed.seen]}


def _ranked(entry: dict[str, Any]) -> Ranked:
    fields = {**entry, "published_at": datetime.fromisoformat(entry["published_at"])}
    key, reason, seen = fields.pop("placed")
    return PreparedItem(**fields), Placement(key, reason, seen)


def digest(viewer: Viewer) -> str:
    """What of the viewer a page depends on beyond its counted keys: every circle, late seat and block."""
    late = sorted((key, moment.isoformat()) for key, moment in viewer.sees_from.items())
    outlook = [sorted(viewer.audiences), late, sorted(viewer.blocked)]
    return hashlib.sha256(json.dumps(outlook).encode()).hexdigest()


def _counted_keys(viewer: Viewer) -> list[str]:
    return sorted({*viewer.audiences, member_key(viewer.account_id), EVERYONE})


def _changes(keys: Sequence[str] | BindParameter[Any]) -> Select[Any]:
    return select(func.coalesce(func.sum(ChangeCount.changes), 0)).where(ChangeCount.key.in_(keys))


# The member's kept first page, if nothing it depends on changed and it is still good: read by every first page,
# so built once (`_kept_for` binds it).
_KEPT = select(PreparedPage.entries).where(
    PreparedPage.member_id == bindparam("member"),
    PreparedPage.outlook == bindparam("outlook"),
    PreparedPage.changes == _changes(bindparam("keys", expanding=True)).scalar_subquery(),
    or_(PreparedPage.good_until.is_(None), PreparedPage.good_until > bindparam("now")),
)


def _kept_for(viewer: Viewer, keys: Sequence[str], now: datetime) -> dict[str, Any]:
    return {"member": viewer.account_id, "outlook": digest(viewer), "keys": list(keys), "now": now}


async def _good_until(
    session: AsyncSession, keys: Sequence[str], ranked: list[Ranked], now: datetime
) -> datetime | None:
    due = select(func.min(ItemAudience.published_at)).where(ItemAudience.key.in_(keys), ItemAudience.published_at > now)
    ends = [row.published_at + DUE_AHEAD for row, _ in ranked if row.kind == "meeting"]
    return min([moment for moment in [await session.scalar(due), *ends] if moment is not None], default=None)


async def _rank(db: Database, viewer: Viewer, limit: int, after: Cursor | None) -> list[Ranked]:
    async with db.sessions() as session:
        outlook = await outlook_of(session, viewer.account_id, viewer.audiences, viewer.sees_from)
        return await ranked_page(session, outlook, limit, after)


async def _keep(db: Database, viewer: Viewer, row: dict[str, Any]) -> None:
    """Best effort: a page that could not be kept is ranked again next time, and the reader still gets it."""
    try:
        async with db.transaction() as session:
            await upsert(session, PreparedPage, [row], ["outlook", "changes", "good_until", "entries"])
    except SQLAlchemyError:
        log.warning("feed page of %s not kept", viewer.account_id, exc_info=True)


async def feed_page(db: Database, viewer: Viewer, first: int, after: Cursor | None) -> list[Ranked]:
    """The viewer's page of `first` items after `after`, with one more to tell whether more follow."""
    if after is not None or first > PREPARED:
        return await _rank(db, viewer, first, after)
    keys, now = _counted_keys(viewer), utcnow()
    async with db.sessions() as session:
        if (entries := await session.scalar(_KEPT, _kept_for(viewer, keys, now))) is not None:
            return [_ranked(entry) for entry in entries[: first + 1]]
        changes = await session.scalar(_changes(keys))
        outlook = await outlook_of(session, viewer.account_id, viewer.audiences, viewer.sees_from)
        ranked = await ranked_page(session, outlook, PREPARED, None)
        good_until = await _good_until(session, sorted(viewer.audiences), ranked, now)
    row = {"member_id": viewer.account_id, "outlook": digest(viewer), "changes": changes, "good_until": good_until}
    await _keep(db, viewer, {**row, "entries": [_entry(r) for r in ranked]})
    return ranked[: first + 1]
