"""Projecting published things into feed items: stored once, with the audience keys that say who sees them.

Fan-out: a hybrid leaning on read. An item is written once with one row per audience key (a harvest published
to a network is one item and a few key rows, whatever the network's size), so it reaches every feed as soon as
the projector commits, and narrowing or withdrawing it is one small update that every feed obeys at once. The
per-member part is small and written by members themselves (seen, dismissed, follows, mutes) or projected from
their memberships (for digests); a feed page reads the newest items of the member's keys and ranks them (see
ranking.py and queries.py), and a first page once ranked is kept until something it depends on changes
(prepared.py). Fan-out-on-write would cost 10,000 rows per network harvest and a sweep of every feed whenever
an audience narrows.
"""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from events.publication import Publication
from infra.upserts import upsert
from services.feeds import changes
from services.feeds.ranking import DUE_AHEAD
from services.feeds.tables import FeedItem, ItemAudience
from services.peer_groups import events as peer_groups

# What a feed shows; networks and other kinds only feed the names and reasons.
ITEM_KINDS = frozenset(
    {"story", "resource", "harvest", "member", "local_group", "peer_group", "meeting", "gathering", "scheme"}
)
EXCERPT = 400


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


async def project_item(session: AsyncSession, event: Event, publication: Publication | None) -> None:
    """Upserts, narrows or withdraws the item of `event.subject`; an event older than the last applied is ignored."""
    item = await session.get(FeedItem, event.subject)
    if item is not None and event.time < item.changed_at:
        return
    if publication is not None and publication.kind not in ITEM_KINDS and item is None:
        return
    if publication is None or publication.kind not in ITEM_KINDS:
        await _withdraw(session, item or _tombstone(session, event), event)
        return
    if item is None:
        item = FeedItem(id=event.subject, published_at=publication.created_at)
        session.add(item)
    copy(item, event, publication)
    await _place(session, item)


def falls_due(event: Event) -> datetime | None:
    """When a scheduled meeting enters its group's feeds: a week before it starts (until it starts)."""
    if event.type not in ("peer_groups.meeting.scheduled", "peer_groups.meeting.moved"):
        return None
    return read(event, peer_groups.MeetingScheduled).starts_at - DUE_AHEAD


def copy(item: FeedItem, event: Event, publication: Publication) -> None:
    # The first publication time stays: a profile edit must not make an old member "new" again. A meeting
    # shows from when it falls due, and moves with it when rescheduled.
    due = falls_due(event)
    item.published_at = due or min(item.published_at, publication.created_at)
    item.kind, item.title, item.path = publication.kind, publication.title[:300], publication.path
    item.excerpt = excerpt(publication.text)
    item.practice_areas, item.network_ids = list(publication.practice_areas), _home_first(event, publication)
    item.local_group_id, item.peer_group_id = publication.local_group_id, publication.peer_group_id
    item.author_id, item.author_name = publication.author_id, publication.author_name
    item.audience, item.changed_at, item.withdrawn = sorted(set(event.audience)), event.time, False


def _home_first(event: Event, publication: Publication) -> list[str]:
    """The event's own network first: a harvest lists every network it reached, reasons name where it came from."""
    others = [n for n in publication.network_ids if n != event.network]
    return [event.network, *others] if event.network in publication.network_ids else others


async def _place(session: AsyncSession, item: FeedItem) -> None:
    """Its key rows, replaced; every key it leaves or enters counts a change (prepared pages rank again)."""
    left = await session.scalars(
        delete(ItemAudience).where(ItemAudience.item_id == item.id).returning(ItemAudience.key)
    )
    rows = [{"item_id": item.id, "key": key, "published_at": item.published_at} for key in item.audience]
    await upsert(session, ItemAudience, rows, ["published_at"])
    await changes.count(session, [*left, *item.audience])


def _tombstone(session: AsyncSession, event: Event) -> FeedItem:
    """A withdrawal that arrives first still has to outlast the older publication arriving after it."""
    item = FeedItem(id=event.subject, kind="withdrawn", title="", path="", published_at=event.time)
    session.add(item)
    return item


async def _withdraw(session: AsyncSession, item: FeedItem, event: Event) -> None:
    """Kept as a tombstone (so a late, older event cannot bring it back) that no feed reads."""
    item.withdrawn, item.audience, item.changed_at = True, [], event.time
    await _place(session, item)
