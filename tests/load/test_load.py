"""`commons serve` on loopback under a bounded mixed workload, alone and while things fail around it.

Everything here takes more than a minute: `make test-slow` runs it. The pool-exhaustion test is quick and
runs in `make test`.
"""

import asyncio
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.load import run
from events.tables import OutboxRow
from infra.database import Database
from tests.load.support import assert_nothing_lost, commons_serve, kafka, later, served_by
from tests.support.kafka import Broker

COUNTS = select(OutboxRow.sent_at.is_not(None), func.count()).group_by(OutboxRow.sent_at.is_not(None))


@pytest.mark.slow
def test_a_mixed_workload_gets_no_errors_and_loses_no_writes(database_url: str, tmp_path: Path) -> None:
    with commons_serve(database_url, tmp_path) as base_url:
        outcome = asyncio.run(run(base_url, served_by(database_url, tmp_path), seconds=45, members=12))
    assert_nothing_lost(outcome)


@pytest.mark.slow
@pytest.mark.kafka
def test_the_broker_going_down_during_load_loses_nothing(database_url: str, tmp_path: Path, broker: Broker) -> None:
    with commons_serve(database_url, tmp_path, **kafka(broker)) as base_url:
        outage = later(15, broker.go_down, 15, broker.come_back)
        outcome = asyncio.run(run(base_url, served_by(database_url, tmp_path), seconds=50, members=12))
        outage.join()
        sent, unsent = asyncio.run(relayed(database_url, patience=60))
    assert_nothing_lost(outcome)
    assert sent > 0, f"the relay sent nothing: {unsent} events wait in the outbox"
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
