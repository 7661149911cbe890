"""The runner's counters, as a process's /metrics shows them: events applied, retries, and events given up on."""

import pytest
from prometheus_client import REGISTRY

from events.inprocess import InProcessBus
from events.runner import Runner
from infra.database import Database
from tests.events.contract import dead_letters, pipe
from tests.events.harness import FAST_RETRIES, changes, consume, counter, effect_count

pytestmark = pytest.mark.usefixtures("tables")
COUNTERS = ("commons_consumer_events_total", "commons_consumer_retries_total", "commons_consumer_dead_lettered_total")


def counted() -> list[float]:
    return [REGISTRY.get_sample_value(name, {"consumer": "counter"}) or 0.0 for name in COUNTERS]


async def test_a_poison_event_counts_its_retries_and_its_dead_letter_and_the_rest_as_applied(
    database: Database,
) -> None:
    bus, before = InProcessBus(database), counted()
    await pipe(database, bus, changes(6, poison=frozenset({2})))
    runner = Runner(counter(), database, bus, FAST_RETRIES)
    await consume(runner, bus.source("counter", ("tests",)), lambda: _settled(database))
    applied, retries, dead = (after - earlier for after, earlier in zip(counted(), before, strict=True))
    assert (applied, retries, dead) == (5, FAST_RETRIES.max_attempts - 1, 1)


async def _settled(database: Database) -> bool:
    return await effect_count(database) == 5 and len(await dead_letters(database)) == 1
