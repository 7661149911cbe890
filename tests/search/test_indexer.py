"""The indexer follows the services' events in order per entity, and a reindex rebuilds from search's data."""

from events.catalogue import new_event
from events.envelope import Event
from events.inprocess import InProcessBus
from events.outbox import record
from events.relay import Relay
from events.runner import Runner
from infra.database import Database
from infra.settings import Settings
from search.embedded import EmbeddedIndex
from search.indexer import apply, consumer
from search.port import SearchDocument, SearchIndex
from search.reindex import rebuild, reindex
from tests.search.contract import CIRCLE, N1, ask, ids
from tests.search.story_events import StoryLiked, changed


async def handle(database: Database, index: SearchIndex, *events: Event) -> None:
    for event in events:
        async with database.transaction() as session:
            await apply(index, event, session)


async def test_a_story_is_searchable_once_published_and_gone_once_withdrawn(database: Database) -> None:
    index = EmbeddedIndex()
    await handle(database, index, changed("Mentoring circles"))
    assert ids(ask(index, "mentoring")) == ["story-1"]
    await handle(database, index, changed(None, minutes=1))
    assert ids(ask(index, "mentoring")) == []


async def test_a_story_shared_narrower_leaves_the_network_results_at_once(database: Database) -> None:
    index = EmbeddedIndex()
    await handle(database, index, changed("Mentoring circles"), changed("Mentoring circles", CIRCLE, minutes=1))
    assert ids(ask(index, "mentoring")) == [] and ids(ask(index, "mentoring", frozenset({CIRCLE}))) == ["story-1"]


async def test_a_late_older_event_changes_nothing(database: Database) -> None:
    index = EmbeddedIndex()
    await handle(database, index, changed("Coaching", minutes=5), changed("Mentoring", minutes=1))
    assert ids(ask(index, "coaching")) == ["story-1"] and ids(ask(index, "mentoring")) == []
    await handle(database, index, changed(None, minutes=9), changed("Coaching", minutes=6))
    assert ids(ask(index, "coaching")) == []


async def test_events_without_a_publication_are_ignored(database: Database) -> None:
    index = EmbeddedIndex()
    liked = new_event(StoryLiked(by="ada"), subject="story-1", audience=[N1], network=None)
    await handle(database, index, liked)
    assert index.count() == 0


async def test_published_through_the_outbox_relay_and_runner_and_redelivered_harmlessly(database: Database) -> None:
    index, bus = EmbeddedIndex(), InProcessBus(database)
    story = changed("Harvest notes from Open Space")
    async with database.transaction() as session:
        record(session, [story])
    await Relay(database, bus).drain()
    indexer = consumer(lambda: index)
    deliveries = await bus.source(indexer.name, indexer.sources).poll(10, 0.1)
    runner = Runner(indexer, database, bus)
    await runner.process(deliveries)
    await runner.process(deliveries)  # redelivered
    assert ids(ask(index, "harvst notes")) == ["story-1"] and index.count() == 1


class CountingIndex(EmbeddedIndex):
    """The embedded engine, counting its writes: each one commits to disk while the consumer's transaction waits."""

    writes = 0

    def _write(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        self.writes += 1
        super()._write(documents, deleted)


async def test_a_backlog_reaches_the_index_in_one_write_per_batch(database: Database) -> None:
    # One commit per event held the database's write lock so long after a broker outage that requests failed.
    index, bus = CountingIndex(), InProcessBus(database)
    backlog = [changed(f"Story {n}", subject=f"story-{n}") for n in range(50)]
    async with database.transaction() as session:
        record(session, [*backlog, changed(None, minutes=1, subject="story-0")])
    await Relay(database, bus).drain()
    indexer = consumer(lambda: index)
    await Runner(indexer, database, bus).process(await bus.source(indexer.name, indexer.sources).poll(100, 0.1))
    assert index.count() == 49 and ids(ask(index, "story 7")) == ["story-7"] and index.writes == 2


async def test_a_rebuild_restores_applied_and_not_yet_applied_stories(database: Database) -> None:
    await handle(database, EmbeddedIndex(), changed("Mentoring circles", subject="applied"))
    async with database.transaction() as session:
        record(session, [changed("Coaching pairs", subject="pending")])
    lost_and_found = EmbeddedIndex()
    assert await rebuild(database, lost_and_found) == 2
    assert ids(ask(lost_and_found, "mentoring")) == ["applied"] and ids(ask(lost_and_found, "coaching")) == ["pending"]


async def test_reindex_rebuilds_the_embedded_index_the_settings_name(database: Database, settings: Settings) -> None:
    await handle(database, EmbeddedIndex(), changed("Mentoring circles"), changed(None, subject="gone"))
    assert await reindex(settings) == 1
    assert ids(ask(EmbeddedIndex(settings.data_dir / "search"), "mentoring")) == ["story-1"]
