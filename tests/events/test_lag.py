"""Consumer lag on the in-process log: what a group has yet to read, from its stored offset to the log's end."""

import pytest

from events.inprocess import InProcessBus
from events.lag import PartitionLag, lags
from events.runner import Runner
from infra.database import Database
from infra.settings import Settings
from tests.events.contract import pipe
from tests.events.harness import FAST_RETRIES, changes, consume, counter, effect_count


@pytest.mark.usefixtures("tables")
async def test_the_lag_counts_what_each_group_has_yet_to_read_until_it_has(
    database: Database, settings: Settings
) -> None:
    bus, consumers = InProcessBus(database), [counter(), counter("other")]
    await pipe(database, bus, changes(12))
    assert await lags(settings, database, consumers) == [
        PartitionLag("counter", "outbox", 0, 12),
        PartitionLag("other", "outbox", 0, 12),
    ]
    runner = Runner(counter(), database, bus, FAST_RETRIES)
    await consume(runner, bus.source("counter", ("tests",)), lambda: _applied(database, 12))
    assert [each.lag for each in await lags(settings, database, consumers)] == [0, 12]


async def _applied(database: Database, count: int) -> bool:
    return await effect_count(database) == count
