"""The projector: redeliveries, late events and replays end in the same feed; only what the viewer may see."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from events.catalogue import new_event
from events.envelope import Event
from events.inprocess import InProcessBus
from events.runner import replay
from infra.columns import new_id, utcnow
from infra.database import Database
from infra.errors import NotFound
from infra.viewer import Viewer
from services.feeds.commands import mark
from services.feeds.outlook import outlook_of
from services.feeds.projector import SOURCES, consumer
from services.feeds.queries import ranked_page
from services.feeds.tables import FeedItem, ItemAudience
from services.peer_groups.events import MeetingScheduled
from tests.feeds.support import ago, ident, project, publication, share, shared

NETWORK, OTHER, CIRCLE = "network:n1", "network:n2", "peer_group:g1"


async def _titles(database: Database, keys: set[str], sees_from: dict[str, datetime] | None = None) -> list[str]:
    async with database.sessions() as session:
        outlook = await outlook_of(session, "reader", frozenset(keys), sees_from or {})
        return [item.title for item, _ in await ranked_page(session, outlook, 50, None)]


async def _state(database: Database) -> list[tuple]:  # type: ignore[type-arg]
    async with database.sessions() as session:
        items = await session.execute(select(FeedItem.id, FeedItem.title, FeedItem.withdrawn).order_by(FeedItem.id))
        keys = await session.execute(select(ItemAudience.item_id, ItemAudience.key).order_by(ItemAudience.item_id))
        return [*items.all(), *keys.all()]


async def test_a_late_older_event_does_not_undo_a_newer_one(database: Database) -> None:
    story = ident()
    newer = shared(story, [NETWORK], publication(title="Renamed story", at=ago(hours=2)), at=ago(minutes=1))
    older = shared(story, [NETWORK, OTHER], publication(title="First draft", at=ago(hours=2)), at=ago(minutes=5))
    await share(database, newer)
    await share(database, older)
    await project(database)
    assert await _titles(database, {NETWORK}) == ["Renamed story"]
    assert await _titles(database, {OTHER}) == []


async def test_a_late_joiner_reads_the_groups_items_from_their_seat_on(database: Database) -> None:
    before, since, wider = ident(), ident(), ident()
    await share(
        database,
        shared(before, [CIRCLE], publication(title="Said before", at=ago(hours=3))),
        shared(since, [CIRCLE], publication(title="Said since", at=ago(hours=1))),
        shared(wider, [CIRCLE, NETWORK], publication(title="Shared with the network", at=ago(hours=4))),
    )
    await project(database)
    seated = {CIRCLE: ago(hours=2)}
    assert await _titles(database, {CIRCLE, NETWORK}, seated) == ["Said since", "Shared with the network"]
    assert await _titles(database, {CIRCLE}) == ["Said since", "Said before", "Shared with the network"]
    viewer = Viewer("reader", "reader@example.org", "Reader", audiences=frozenset({CIRCLE}), sees_from=seated)
    async with database.transaction() as session:
        await mark(session, viewer, since, dismissed=False)
        with pytest.raises(NotFound):
            await mark(session, viewer, before, dismissed=False)


async def test_a_withdrawal_stays_even_when_an_older_publication_arrives_late(database: Database) -> None:
    story = ident()
    await share(database, shared(story, [NETWORK], None, at=ago(minutes=1)))
    await share(database, shared(story, [NETWORK], publication(title="Gone story"), at=ago(minutes=3)))
    await project(database)
    assert await _titles(database, {NETWORK}) == []


async def test_replay_rebuilds_the_same_projection(database: Database) -> None:
    first, second = ident(), ident()
    await share(
        database,
        shared(first, [NETWORK], publication(title="Kept", practice_areas=["hosting"])),
        shared(second, [NETWORK, OTHER], publication(title="Narrowed")),
        shared(second, [OTHER], publication(title="Narrowed")),
    )
    await project(database)
    before = await _state(database)
    feeds = consumer((*SOURCES, "tests"))
    await replay(database, InProcessBus(database), feeds)
    assert await project(database) == 3
    assert await _state(database) == before
    assert await _titles(database, {NETWORK}) == ["Kept"]


async def test_peer_group_items_reach_only_their_peer_group(database: Database) -> None:
    await share(database, shared(ident(), ["peer_group:p1"], publication(title="Our dilemma", peer_group_id="p1")))
    await project(database)
    assert await _titles(database, {NETWORK, "platform", "peer_group:p2"}) == []
    assert await _titles(database, {"peer_group:p1"}) == ["Our dilemma"]


async def test_a_meeting_shows_in_its_group_from_a_week_before_it_starts(database: Database) -> None:
    def scheduled(title: str, starts_in: timedelta) -> Event:
        ident, found = new_id(), publication(kind="meeting", title=title, peer_group_id="p1")
        data = MeetingScheduled(
            meeting_id=ident, group_id="p1", starts_at=utcnow() + starts_in, mode="online", publication=found
        )
        return new_event(data, subject=ident, audience=["peer_group:p1"], network=None)

    meetings = {"Meeting in three days": 3, "Meeting next month": 30, "Meeting yesterday": -1}
    await share(database, *(scheduled(title, timedelta(days=days)) for title, days in meetings.items()))
    await project(database)
    assert await _titles(database, {"peer_group:p1"}) == ["Meeting in three days"]
