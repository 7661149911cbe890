"""A harvest published to a network of 1,000 members (10,000 at scale 10): how long until every member's
notification row exists and every email is queued.

On a fresh database (SQLite, or PostgreSQL with COMMONS_BENCH_DATABASE_URL): the network and its memberships are
bulk-inserted rows, as the networks service would have written them; the harvest's event goes through the outbox,
the relay and the notifications consumer, timed from its record to the consumer's commit. Run alone:
`python -m bench.notifications`.
"""

import asyncio
import time

from sqlalchemy import func, insert, select

from bench.report import Row, table
from bench.serving import fresh_database
from events import audience
from events.catalogue import new_event
from events.inprocess import InProcessBus
from events.outbox import record
from events.publication import Publication
from events.relay import Relay
from events.runner import Runner
from infra.columns import new_id, utcnow
from infra.database import Database
from services.harvests.events import HarvestPublished
from services.networks.tables import Membership, Network
from services.notifications.api import consumer
from services.notifications.tables import Email, Notification

MEMBERS = 1000


async def _network(db: Database, members: int) -> str:
    network_id, now = new_id(), utcnow()
    async with db.transaction() as session:
        await session.execute(insert(Network), [{"id": network_id, "name": "Bench network", "created_at": now}])
        rows = [
            {"network_id": network_id, "member_id": new_id(), "role": "member", "joined_at": now}
            for _ in range(members)
        ]
        await session.execute(insert(Membership), rows)
    return network_id


async def _publish(db: Database, network_id: str) -> None:
    harvest_id, now = new_id(), utcnow()
    path = f"/harvests/{harvest_id}"
    shown = Publication(
        kind="harvest",
        title="Harvest of the spring gathering",
        text="Patterns we saw",
        path=path,
        network_ids=[network_id],
        created_at=now,
        updated_at=now,
    )
    data = HarvestPublished(
        harvest_id=harvest_id,
        network_id=network_id,
        gathering="Spring gathering",
        status="published",
        network_ids=[network_id],
        publication=shown,
    )
    async with db.transaction() as session:
        record(
            session, [new_event(data, subject=harvest_id, audience=(audience.network(network_id),), network=network_id)]
        )


async def _deliver(db: Database) -> None:
    """The relay, then the consumer until it has read everything (as `commons serve` runs them)."""
    bus = InProcessBus(db)
    await Relay(db, bus).drain()
    reader = consumer()
    runner, source = Runner(reader, db, bus), bus.source(reader.name, reader.sources)
    while await runner.step(source, 0.01):
        pass


async def _counts(db: Database) -> tuple[int, int]:
    async with db.sessions() as session:
        rows = await session.scalar(select(func.count()).select_from(Notification))
        emails = await session.scalar(select(func.count()).select_from(Email))
    return rows or 0, emails or 0


async def _measured(url: str, members: int) -> list[Row]:
    db = Database(url)
    try:
        network_id = await _network(db, members)
        began = time.perf_counter()
        await _publish(db, network_id)
        await _deliver(db)
        took = time.perf_counter() - began
        rows, emails = await _counts(db)
    finally:
        await db.dispose()
    assert rows == emails == members, (rows, emails, members)
    return [
        Row(f"harvest to {members:,} members: every notification and email queued", took, "s"),
        Row(f"harvest to {members:,} members: per member", took / members * 1e6, "µs"),
    ]


def main(scale: float = 1.0) -> list[Row]:
    with fresh_database() as (url, _):
        return asyncio.run(_measured(url, round(MEMBERS * scale)))


if __name__ == "__main__":
    print(table([*main(1), *main(10)]))
