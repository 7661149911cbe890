"""Failures the event processes survive are logged with what failed, and without the events' data."""

import asyncio
import logging

import pytest

from events import processes
from events.inprocess import InProcessBus
from events.relay import Relay
from events.runner import Runner
from infra.database import Database
from infra.settings import Settings
from tests.events.harness import FAST_RETRIES, changes, counter, write

pytestmark = pytest.mark.usefixtures("tables")


async def test_a_failed_batch_and_each_failed_attempt_are_logged_by_kind_not_content(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    bus, events = InProcessBus(database), changes(3, poison=frozenset({1}))
    await write(database, events)
    await Relay(database, bus).drain()
    with caplog.at_level(logging.WARNING, logger="commons.events"):
        await Runner(counter(), database, bus, FAST_RETRIES).step(bus.source("counter", ("tests",)), 0.01)
    lines = [record.getMessage() for record in caplog.records]
    assert "counter: a batch of 3 events failed (RuntimeError); applying each alone" in lines
    assert [line for line in lines if "attempt" in line] == [
        f"counter: attempt {n} on tests.item.changed failed (RuntimeError)" for n in (1, 2, 3)
    ]
    assert not any(events[1].id in line for line in lines)  # the error's message quotes it


async def test_a_failing_outbox_sweep_is_logged_and_the_relay_keeps_going(
    database: Database, settings: Settings, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    swept = asyncio.Event()

    async def broken_sweep(db: Database, retention_days: int) -> int:
        swept.set()
        raise RuntimeError("the database went away")

    monkeypatch.setattr(processes, "sweep", broken_sweep)
    with caplog.at_level(logging.ERROR, logger="commons.events"):
        relaying = asyncio.create_task(processes.relay_forever(settings, database, InProcessBus(database)))
        await asyncio.wait_for(swept.wait(), 30)  # woken once relay_forever logged and went to sleep
        assert not relaying.done()
        relaying.cancel()
        await asyncio.gather(relaying, return_exceptions=True)
    failed = [record for record in caplog.records if record.getMessage().startswith("outbox sweep failed")]
    assert failed and failed[0].exc_info is not None
