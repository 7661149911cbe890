"""The gateway benchmark writes its stories' feed items in bulk: they must be the items the feeds projector makes
of the same events, or the benchmark would time a feed no member has."""

from typing import Any

from sqlalchemy import delete, select

from bench.community import Community, stories
from bench.feeds_data import write_items
from infra.database import Database
from services.feeds.projector import handle
from services.feeds.tables import FeedItem, ItemAudience

COMMUNITY = Community(
    host_token="unused",
    network_id="network-1",
    local_group_ids=["group-1", "group-2"],
    member_ids=["member-1", "member-2"],
    names={"member-1": "Amara Okafor", "member-2": "Ben Carter"},
    places={"member-1": "group-1", "member-2": "group-2"},
)


async def _written(db: Database) -> tuple[list[dict[str, Any]], list[tuple[str, str, Any]]]:
    async with db.transaction() as session:
        items = [
            {column.key: getattr(item, column.key) for column in FeedItem.__table__.columns}
            for item in await session.scalars(select(FeedItem).order_by(FeedItem.id))
        ]
        keys = select(ItemAudience.item_id, ItemAudience.key, ItemAudience.published_at).order_by(ItemAudience.item_id)
        audiences = [tuple(row) for row in await session.execute(keys)]
        await session.execute(delete(FeedItem))
        await session.execute(delete(ItemAudience))
    return items, audiences


async def test_bulk_items_are_the_items_the_projector_makes(database: Database) -> None:
    events = stories(COMMUNITY, 12)
    async with database.transaction() as session:
        for event in events:
            await handle(event, session)
    projected = await _written(database)
    await write_items(database, events)
    assert await _written(database) == projected
    assert len(projected[0]) == 12 and {item["local_group_id"] for item in projected[0]} == {"group-1", "group-2"}
