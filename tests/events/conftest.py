"""Fixtures of the event tests: the test consumer's tables, sources closed after each test, a real broker."""

from collections.abc import AsyncIterator, Callable, Iterator

import pytest

from events.bus import Bus, EventSource
from infra.database import Database
from tests.events.harness import create_tables
from tests.support.kafka import Broker, running_broker


@pytest.fixture(scope="module")
def broker() -> Iterator[Broker]:
    yield from running_broker()


@pytest.fixture
async def tables(database: Database) -> None:
    await create_tables(database)


@pytest.fixture
async def open_source(bus: Bus) -> AsyncIterator[Callable[..., EventSource]]:
    """Opens consumer-group members of `bus`; whatever a test leaves open is closed after it."""
    opened: list[EventSource] = []

    def member(group: str = "counter", sources: tuple[str, ...] = ("tests",)) -> EventSource:
        opened.append(bus.source(group, sources))
        return opened[-1]

    yield member
    for source in opened:
        await source.close()
