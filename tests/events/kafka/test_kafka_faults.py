"""Faults only a broker has: it goes down while services write; a group's members share its partitions.

This module has a broker of its own (the fixture is per module), since it takes it off the network and back.
"""

import asyncio

import pytest

from events.kafka import KafkaBus
from events.relay import Relay
from events.runner import Runner
from events.status import status
from infra.database import Database
from tests.events.contract import OpenSource, pipe
from tests.events.harness import (
    FAST_RETRIES,
    assert_once_each_in_order,
    changes,
    counter,
    effect_count,
    effect_rows,
    eventually,
    write,
)
from tests.support.kafka import Broker

pytestmark = [pytest.mark.kafka, pytest.mark.usefixtures("tables")]


async def test_writes_succeed_while_the_broker_is_down_and_flow_once_it_returns(
    database: Database, bus: KafkaBus, broker: Broker
) -> None:
    before, during = changes(6), changes(6, first=2)
    runner = Runner(counter(), database, bus, FAST_RETRIES, batch_size=100)
    workers = [
        asyncio.create_task(runner.run(poll_seconds=0.2)),
        asyncio.create_task(Relay(database, bus).run(idle_seconds=0.1, retry_seconds=0.2)),
    ]
    try:
        await write(database, before)
        await eventually(lambda: applied(database, 6))
        broker.go_down()
        await write(database, during)
        await asyncio.sleep(1)
        assert (await status(database, [runner.consumer])).backlog == 6
        broker.come_back()
        await eventually(lambda: applied(database, 12), timeout=60)
    finally:
        broker.come_back()  # the broker serves the module's other tests too
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    assert_once_each_in_order(await effect_rows(database), before + during)


async def test_two_members_of_a_group_share_its_partitions(
    database: Database, bus: KafkaBus, open_source: OpenSource
) -> None:
    runner = Runner(counter(), database, bus, FAST_RETRIES, batch_size=100)
    members, delivered, written = [open_source(), open_source()], [0, 0], []
    async with asyncio.timeout(40):
        while min(delivered) == 0 or await effect_count(database) < len(written):
            if min(delivered) == 0:
                written += changes(6, subjects=6, first=len(written))
                await pipe(database, bus, written[-6:])
            steps = await asyncio.gather(*(runner.step(member, 0.2) for member in members))
            delivered = [total + step for total, step in zip(delivered, steps, strict=True)]
    assert_once_each_in_order(await effect_rows(database), written)


async def applied(database: Database, effects: int) -> bool:
    return await effect_count(database) == effects
