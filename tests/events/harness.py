"""A test consumer whose effect is a database table, so tests can count effects per event.

`test_effects` gets one row per handling (so a second effect of one event shows as a duplicate); the
`test_projection` keeps each subject's latest sequence number, an idempotent upsert that replay rebuilds.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence

from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from events.bus import EventSource
from events.catalogue import Payload, new_event, payload, read
from events.consumer import Consumer
from events.envelope import Event
from events.outbox import record
from events.runner import RetryPolicy, Runner
from infra.database import Database

metadata = MetaData()
effects = Table(
    "test_effects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(36)),
    Column("subject", String(120)),
    Column("seq", Integer),
)
projection = Table(
    "test_projection", metadata, Column("subject", String(120), primary_key=True), Column("seq", Integer)
)
FAST_RETRIES = RetryPolicy(max_attempts=3, base_seconds=0.01)


@payload("tests.item.changed", 1)
class ItemChanged(Payload):
    seq: int
    poison: bool = False


def changes(count: int, subjects: int = 3, poison: frozenset[int] = frozenset(), first: int = 0) -> list[Event]:
    """`count` events over `subjects` subjects; each subject's events carry seq `first`, `first` + 1, ..."""
    return [
        new_event(
            ItemChanged(seq=first + n // subjects, poison=n in poison),
            subject=f"item-{n % subjects}",
            audience=["platform"],
            network=None,
        )
        for n in range(count)
    ]


async def apply_change(event: Event, session: AsyncSession) -> None:
    change = read(event, ItemChanged)
    if change.poison:
        raise RuntimeError(f"cannot digest {event.id}")
    await session.execute(insert(effects).values(event_id=event.id, subject=event.subject, seq=change.seq))
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    upsert = dialect.insert(projection).values(subject=event.subject, seq=change.seq)
    await session.execute(upsert.on_conflict_do_update(index_elements=["subject"], set_={"seq": change.seq}))


def counter(name: str = "counter") -> Consumer:
    return Consumer(name, apply_change, ("tests",))


async def create_tables(database: Database) -> None:
    async with database.engine.begin() as connection:
        await connection.run_sync(metadata.drop_all)
        await connection.run_sync(metadata.create_all)


async def write(database: Database, events: Sequence[Event]) -> None:
    async with database.transaction() as session:
        record(session, events)


async def effect_rows(database: Database) -> list[tuple[str, str, int]]:
    async with database.sessions() as session:
        query = select(effects.c.event_id, effects.c.subject, effects.c.seq).order_by(effects.c.id)
        rows = await session.execute(query)
        return [tuple(row) for row in rows]


async def projected(database: Database) -> dict[str, int]:
    async with database.sessions() as session:
        return dict(tuple(row) for row in await session.execute(select(projection.c.subject, projection.c.seq)))


async def effect_count(database: Database) -> int:
    async with database.sessions() as session:
        return await session.scalar(select(func.count()).select_from(effects)) or 0


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def consume(
    runner: Runner, source: EventSource, done: Callable[[], Awaitable[bool]], timeout: float = 20.0
) -> None:
    """Runs the runner's poll-process-commit steps on `source` until `done()`."""
    deadline = time.monotonic() + timeout
    while not await done():
        assert time.monotonic() < deadline, "timed out consuming"
        await runner.step(source, 0.2)


def assert_once_each_in_order(rows: list[tuple[str, str, int]], events: Sequence[Event]) -> None:
    assert sorted(row[0] for row in rows) == sorted(event.id for event in events), "each event once in effect"
    for subject in {event.subject for event in events}:
        seqs = [seq for _, row_subject, seq in rows if row_subject == subject]
        assert seqs == sorted(seqs), f"{subject} out of order: {seqs}"
