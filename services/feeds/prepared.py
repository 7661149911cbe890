"""Prepared first pages: the page every member opens, read in one indexed query while it still holds.

Ranking (queries.ranked_page) scans the newest items of the member's keys and places each, several round trips;
a member opens their first page many times between two changes to it. So a ranked first page is kept with:
- a digest of the outlook it was ranked for (the request's circles, late seats and blocks): a member who joins,
  leaves or blocks someone has another digest and never reads a page ranked for their old circles;
- the sum of the change counts (changes.py) of its keys, `member:<id>` and `*` when ranking began: any write it
  depends on moves the sum (read before ranking, so a write landing meanwhile only costs a second ranking);
- the time it holds until: the next item of its keys to fall due, or the end of a meeting on it.
The read asks for all three in one statement; otherwise the page is ranked as before and kept. A kept page holds
its places (places.py) too, read after the counts like its items, so a first page read again is one statement.
"""

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, make_dataclass
from datetime import datetime
from typing import Any, get_type_hints

from sqlalchemy import BindParameter, Select, bindparam, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.database import Database
from infra.upserts import upsert
from infra.viewer import Viewer
from services.feeds import places
from services.feeds.changes import EVERYONE, member_key
from services.feeds.outlook import Placement, Shown, outlook_of
from services.feeds.queries import Cursor, Ranked, ranked_page
from services.feeds.ranking import DUE_AHEAD
from services.feeds.tables import ChangeCount, ItemAudience, PreparedPage

# The longest first page kept; longer first pages, and every later page, are ranked for the asking.
PREPARED = 20
# The shape of kept entries, in every digest: a page kept in an earlier shape is never read, only replaced.
SHAPE = 2
log = logging.getLogger(__name__)


# A kept item: the fields ranking and the page read (outlook.Shown), and nothing more.
FIELDS = get_type_hints(Shown)
PreparedItem = make_dataclass("PreparedItem", list(FIELDS.items()))


@dataclass(frozen=True)
class FeedPage:
    """A page of `first` items and one more (to tell whether more follow), with the places of its items."""

    ranked: list[Ranked]
    places: places.Places


def _entry(ranked: Ranked, found: places.Places) -> dict[str, Any]:
    row, placed = ranked
    fields = {name: getattr(row, name) for name in FIELDS}
    published, placement = row.published_at.isoformat(), [placed.key, placed.reason, placed.seen]
    return {**fields, **places.kept(found, row), "published_at": published, "placed": placement}


def _ranked(entry: dict[str, Any]) -> Ranked:
    fields = {name: entry[name] for name in FIELDS}
    key, reason, seen = entry["placed"]
    fields["published_at"] = datetime.fromisoformat(entry["published_at"])
    return PreparedItem(**fields), Placement(key, reason, seen)


def _kept_page(entries: list[dict[str, Any]], first: int) -> FeedPage:
    shown = entries[: first + 1]
    return FeedPage([_ranked(entry) for entry in shown], places.from_kept(shown))


def digest(viewer: Viewer) -> str:
    """What of the viewer a page depends on beyond its counted keys: every circle, late seat and block."""
    late = sorted((key, moment.isoformat()) for key, moment in viewer.sees_from.items())
    outlook = [SHAPE, sorted(viewer.audiences), late, sorted(viewer.blocked)]
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


async def _rank(db: Database, viewer: Viewer, limit: int, after: Cursor | None) -> FeedPage:
    async with db.sessions() as session:
        outlook = await outlook_of(session, viewer.account_id, viewer.audiences, viewer.sees_from)
        ranked = await ranked_page(session, outlook, limit, after)
        return FeedPage(ranked, await places.places_in(session, viewer.audiences, [row for row, _ in ranked]))


async def _keep(db: Database, viewer: Viewer, row: dict[str, Any]) -> None:
    """Best effort: a page that could not be kept is ranked again next time, and the reader still gets it."""
    try:
        async with db.transaction() as session:
            await upsert(session, PreparedPage, [row], ["outlook", "changes", "good_until", "entries"])
    except SQLAlchemyError:
        log.warning("feed page of %s not kept", viewer.account_id, exc_info=True)


async def feed_page(db: Database, viewer: Viewer, first: int, after: Cursor | None) -> FeedPage:
    """The viewer's page of `first` items after `after`, with one more to tell whether more follow."""
    if after is not None or first > PREPARED:
        return await _rank(db, viewer, first, after)
    keys, now = _counted_keys(viewer), utcnow()
    async with db.sessions() as session:
        if (entries := await session.scalar(_KEPT, _kept_for(viewer, keys, now))) is not None:
            return _kept_page(entries, first)
        changes = await session.scalar(_changes(keys))
        outlook = await outlook_of(session, viewer.account_id, viewer.audiences, viewer.sees_from)
        ranked = await ranked_page(session, outlook, PREPARED, None)
        found = await places.places_in(session, viewer.audiences, [row for row, _ in ranked])
        good_until = await _good_until(session, sorted(viewer.audiences), ranked, now)
    row = {"member_id": viewer.account_id, "outlook": digest(viewer), "changes": changes, "good_until": good_until}
    await _keep(db, viewer, {**row, "entries": [_entry(r, found) for r in ranked]})
    return FeedPage(ranked[: first + 1], found)
