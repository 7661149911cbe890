"""Where a page's items were shared and where their authors belong, read in one session beside the page.

A feed page shows each item's local group (from the feeds projection) and each author's local groups (asked of
networks, only those in networks the viewer belongs to, as a member's profile shows them). Read once per page
and handed to the items as plain values: resolving them per item costs a 20-item page several milliseconds of
awaiting and a session per kind. A kept first page (prepared.py) keeps its places in its entries.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.database import Database
from services.feeds.authors import FeedGroup, group_of
from services.feeds.outlook import Shown
from services.feeds.tables import FeedLocalGroup
from services.networks import api as networks


@dataclass(frozen=True)
class Places:
    # local group id -> the group, for groups still there
    groups: dict[str, FeedGroup] = field(default_factory=dict)
    # author id -> their local groups in the viewer's networks
    circles: dict[str, list[FeedGroup]] = field(default_factory=dict)


async def places_in(session: AsyncSession, audiences: frozenset[str], rows: Sequence[Shown]) -> Places:
    group_ids = sorted({row.local_group_id for row in rows if row.local_group_id})
    author_ids = sorted({row.author_id for row in rows if row.author_id})
    found = await session.scalars(select(FeedLocalGroup).where(FeedLocalGroup.id.in_(group_ids)))
    groups = {group.id: group_of(group) for group in found if not group.gone}
    circles = await networks.local_groups_of_members_in(session, author_ids)
    seen = {
        author: [group_of(g) for g in ours if audience.network(g.network_id) in audiences]
        for author, ours in circles.items()
    }
    return Places(groups, seen)


async def places_of(db: Database, audiences: frozenset[str], rows: Sequence[Shown]) -> Places:
    async with db.sessions() as session:
        return await places_in(session, audiences, rows)


def _plain(group: FeedGroup) -> list[str]:
    return [group.id, group.name, group.network_id]


def _group(plain: list[str]) -> FeedGroup:
    ident, name, network_id = plain
    return FeedGroup(id=strawberry.ID(ident), name=name, network_id=strawberry.ID(network_id))


def kept(places: Places, row: Shown) -> dict[str, Any]:
    """What a kept entry for `row` holds of its places: its group and its author's, as plain JSON."""
    group = places.groups.get(row.local_group_id or "")
    circles = places.circles.get(row.author_id or "", [])
    return {"group": group and _plain(group), "circles": [_plain(g) for g in circles]}


def from_kept(entries: Iterable[dict[str, Any]]) -> Places:
    """The places of kept entries, as `kept` wrote them."""
    places = Places()
    for entry in entries:
        if entry["group"]:
            places.groups[entry["local_group_id"]] = _group(entry["group"])
        if entry["author_id"]:
            places.circles[entry["author_id"]] = [_group(plain) for plain in entry["circles"]]
    return places
