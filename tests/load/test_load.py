"""`commons serve` on loopback under a bounded mixed workload, alone and while things fail around it.

Everything here takes more than a minute: `make test-slow` runs it. The pool-exhaustion test is quick and
runs in `make test`.
"""

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.load import Outcome, run
from bench.report import table
from bench.serving import serving
from events.tables import OutboxRow
from infra.database import Database
from tests.support.kafka import Broker, running_broker

COUNTS = select(OutboxRow.sent_at.is_not(None), func.count()).group_by(OutboxRow.sent_at.is_not(None))


def commons_serve(database_url: str, folder: Path, **settings: str) -> "serving":  # type: ignore[valid-type]
    env = {"COMMONS_DATABASE_URL": database_url, "COMMONS_DATA_DIR": str(folder), **settings}
    return serving(["-m", "infra.cli", "serve"], env)


def assert_nothing_lost(outcome: Outcome) -> None:
    print(table(outcome.rows))  # the figures, for `pytest -s`
    figures = {row.name: row.value for row in outcome.rows}
    assert figures["load: 5xx answers"] == 0, outcome.failures
    assert outcome.failures == {}
    assert outcome.lost == []
    assert figures["load: throughput"] > 5


@pytest.mark.slow
def test_a_mixed_workload_gets_no_errors_and_loses_no_writes(database_url: str, tmp_path: Path) -> None:
    with commons_serve(database_url, tmp_path) as base_url:
        outcome = asyncio.run(run(base_url, seconds=45, members=12))
    assert_nothing_lost(outcome)


@pytest.fixture
def broker() -> Iterator[Broker]:
    yield from running_broker()


def _outage(broker: Broker, after: float, lasting: float) -> threading.Thread:
    def stop_then_start() -> None:
        time.sleep(after)
        broker.go_down()
        time.sleep(lasting)
        broker.come_back()

    thread = threading.Thread(target=stop_then_start)
    thread.start()
    return thread


@pytest.mark.slow
@pytest.mark.kafka
def test_the_broker_going_down_during_load_loses_nothing(database_url: str, tmp_path: Path, broker: Broker) -> None:
    kafka = {"COMMONS_BUS": "kafka", "COMMONS_KAFKA_BOOTSTRAP": broker.bootstrap, "COMMONS_KAFKA_IDEMPOTENCE": "false",
             "COMMONS_KAFKA_MAX_POLL_INTERVAL_MS": "5000"}  # fmt: skip
    with commons_serve(database_url, tmp_path, **kafka) as base_url:
        outage = _outage(broker, after=15, lasting=15)
        outcome = asyncio.run(run(base_url, seconds=50, members=12))
        outage.join()
        sent, unsent = asyncio.run(relayed(database_url, patience=60))
    assert_nothing_lost(outcome)
    if sent == 0:
        pytest.xfail(f"commons serve runs no relay yet: {unsent} events wait in the outbox")
    assert unsent == 0, f"{unsent} events never left the outbox after the broker came back"


async def relayed(database_url: str, patience: float) -> tuple[int, int]:
    """(sent, unsent) outbox rows once the relay caught up, or when patience ran out."""
    db = Database(database_url)
    try:
        deadline = time.monotonic() + patience
        while True:
            async with db.sessions() as session:
                counts = dict((await session.execute(COUNTS)).all())
            if not counts.get(False) or time.monotonic() > deadline:
                return counts.get(True, 0), counts.get(False, 0)
            await asyncio.sleep(1)
    finally:
        await db.dispose()
