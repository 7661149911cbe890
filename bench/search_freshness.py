"""Freshness of the embedded mode: a story committed to the outbox, until a search finds it.

Each sample runs the real path once, without idle waits: the writer's transaction (story and event in the
outbox), the relay marking it, the runner handing it to the indexer in its transaction, then a search.
"""

import asyncio
import time
from pathlib import Path

from events.catalogue import Payload, new_event, payload
from events.inprocess import InProcessBus
from events.outbox import record
from events.publication import Publication
from events.relay import Relay
from events.runner import Runner
from infra.columns import utcnow
from infra.database import Database
from infra.migrate import upgrade
from search.indexer import consumer
from search.port import SearchIndex, SearchRequest

SAMPLES = 200


@payload("knowledge.benchmark.shared", 1)
class Shared(Payload):
    publication: Publication | None


def _story(n: int) -> object:
    now = utcnow()
    seen = Publication(
        kind="story",
        title=f"Fresh story zq{n}x",
        text="Shared just now.",
        created_at=now,
        updated_at=now,
        path=f"/stories/fresh-{n}",
    )
    return new_event(Shared(publication=seen), subject=f"fresh-{n}", audience=["platform"], network=None)


async def freshness(index: SearchIndex, folder: Path) -> list[float]:
    url = f"sqlite+aiosqlite:///{folder / 'commons.db'}"
    await asyncio.to_thread(upgrade, url)  # alembic runs its own event loop
    db = Database(url)
    bus, indexer = InProcessBus(db), consumer(lambda: index)
    relay, runner, source = Relay(db, bus), Runner(indexer, db, bus), bus.source(indexer.name, indexer.sources)
    samples = []
    for n in range(SAMPLES):
        began = time.perf_counter()
        async with db.transaction() as session:
            record(session, [_story(n)])
        await relay.relay_once()
        await runner.step(source, poll_seconds=0.01)
        found = index.search(SearchRequest(f"zq{n}x", frozenset({"platform"})))
        assert f"fresh-{n}" in {hit.document.id for hit in found.hits}
        samples.append(time.perf_counter() - began)
    await source.close()
    await db.dispose()
    return samples
