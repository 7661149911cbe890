"""The embedded mode: relay, consumers and the live tail run as background tasks and stop cleanly."""

import asyncio

import pytest

from events.live import Broadcast
from events.processes import start_embedded
from events.status import status
from infra.database import Database
from infra.settings import Settings
from tests.events.harness import (
    assert_once_each_in_order,
    changes,
    counter,
    effect_count,
    effect_rows,
    eventually,
    write,
)

pytestmark = pytest.mark.usefixtures("tables")


async def test_the_embedded_mode_relays_consumes_and_broadcasts(database: Database, settings: Settings) -> None:
    broadcast, events = Broadcast(), changes(6)
    background = start_embedded(settings, database, [counter()], broadcast)
    try:
        with broadcast.subscribe("item-0") as live:
            assert await asyncio.to_thread(broadcast.tailing.wait, 30), "the live tail never read"
            await write(database, events)
            await eventually(lambda: applied(database, 6))
            first = await asyncio.wait_for(anext(live), 5)
    finally:
        await background.stop()
    assert first.id == events[0].id
    assert (await status(database, [counter()])).idle
    assert_once_each_in_order(await effect_rows(database), events)
    assert all(task.done() for task in background.tasks)


async def applied(database: Database, effects: int) -> bool:
    return await effect_count(database) == effects
