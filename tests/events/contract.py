"""The contract every bus keeps, with the runner and relay on top; each adapter's test module subclasses it.

Subclasses provide a `bus` fixture built on the `database` fixture. The consumer under test writes its effects
to a table, so "once in effect" is counted, not assumed.
"""

import asyncio
from collections.abc import Callable, Sequence

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from events.bus import Bus, EventSource
from events.catalogue import Payload, new_event, payload
from events.consumer import Consumer
from events.envelope import Event
from events.keys import shred
from events.live import Broadcast
from events.relay import Relay
from events.runner import Runner, replay
from events.status import status
from events.tables import DeadLetter
from infra import tracing
from infra.database import Database
from tests.events.harness import (
    FAST_RETRIES,
    apply_change,
    assert_once_each_in_order,
    changes,
    consume,
    counter,
    effect_count,
    effect_rows,
    eventually,
    projected,
    write,
)
from tests.support.logs import captured_logs
from tests.support.statements import counted

OpenSource = Callable[..., EventSource]


@payload("tests.member.named", 1)
class Named(Payload):
    personal = {"name": "member_id"}

    member_id: str
    name: str


def names_seen(seen: list[str]) -> Consumer:
    async def handle(event: Event, session: AsyncSession) -> None:
        seen.append(event.data["name"])

    return Consumer("names", handle, ("tests",))


class Killed(Exception):
    """The relay process died."""


class DyingBus:
    """The real bus, but the relay dies after half of a batch reached it."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus

    async def publish(self, events: Sequence[Event]) -> None:
        await self.bus.publish(events[: len(events) // 2])
        raise Killed


async def pipe(database: Database, bus: Bus, events: Sequence[Event]) -> None:
    await write(database, events)
    await Relay(database, bus).drain()


def locked_out(event_id: str, times: int) -> Consumer:
    """The counter, but applying `event_id` finds the database locked the first `times` tries."""
    tries = iter(range(times))

    async def handle(event: Event, session: AsyncSession) -> None:
        if event.id == event_id and next(tries, None) is not None:
            raise OperationalError("INSERT INTO test_effects", {}, Exception("database is locked"))
        await apply_change(event, session)

    return Consumer("counter", handle, ("tests",))


async def dead_letters(database: Database) -> list[DeadLetter]:
    async with database.sessions() as session:
        return list(await session.scalars(select(DeadLetter)))


@pytest.mark.usefixtures("tables")
class BusContract:
    @pytest.fixture
    def runner(self, database: Database, bus: Bus) -> Runner:
        return Runner(counter(), database, bus, FAST_RETRIES, batch_size=100)

    async def test_each_subject_arrives_in_order_and_once_in_effect(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        events = changes(30)
        await pipe(database, bus, events)
        await consume(runner, open_source(), lambda: self.applied(database, 30))
        assert_once_each_in_order(await effect_rows(database), events)

    async def test_consumers_log_each_event_in_the_trace_of_the_request_that_wrote_it(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        request = tracing.continued(None)
        with tracing.within(request):
            events = changes(3)
        with captured_logs() as lines:
            await pipe(database, bus, events)
            await consume(runner, open_source(), lambda: self.applied(database, 3))
        handled = [line for line in lines if line.get("consumer") == "counter"]
        assert {line["event_id"] for line in handled} == {event.id for event in events}
        assert {line["trace_id"] for line in handled} == {request.trace_id}

    async def test_a_consumer_with_nothing_to_do_opens_no_batch(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        events = changes(3)
        await pipe(database, bus, events)
        source = open_source()
        await consume(runner, source, lambda: self.applied(database, 3))
        with counted(database, background=()) as ran:
            assert await runner.step(source, 0.05) == 0
        assert not [statement for statement in ran if "events_processed" in statement]
        assert await effect_count(database) == 3

    async def test_a_new_member_resumes_after_the_last_commit(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        first, second = changes(6), changes(6)
        await pipe(database, bus, first)
        member = open_source()
        await consume(runner, member, lambda: self.applied(database, 6))
        await member.close()
        await pipe(database, bus, second)
        delivered = await self.poll_ids(open_source(), 6)
        assert delivered == {event.id for event in second}

    async def test_status_shows_backlog_and_lag_until_both_return_to_zero(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        consumers = [counter(), counter("other")]
        await write(database, changes(12))
        assert [(await status(database, consumers)).backlog] == [12]
        await Relay(database, bus).drain()
        waiting = await status(database, consumers)
        assert (waiting.backlog, [c.behind for c in waiting.consumers]) == (0, [12, 12])
        await consume(runner, open_source(), lambda: self.applied(database, 12))
        done = await status(database, consumers)
        assert [c.behind for c in done.consumers] == [0, 12]

    async def test_replay_rebuilds_the_same_end_state(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        await pipe(database, bus, changes(12))
        member = open_source()
        await consume(runner, member, lambda: self.applied(database, 12))
        end_state = await projected(database)
        await member.close()
        await replay(database, bus, runner.consumer)
        await consume(runner, open_source(), lambda: self.applied(database, 24))
        assert await projected(database) == end_state

    async def test_a_shredded_members_name_is_gone_from_the_bus_and_from_replays(
        self, database: Database, bus: Bus, open_source: OpenSource
    ) -> None:
        seen: list[str] = []
        runner = Runner(names_seen(seen), database, bus, FAST_RETRIES)
        named = new_event(
            Named(member_id="m-1", name="Amara Okafor"), subject="m-1", audience=["platform"], network=None
        )
        await pipe(database, bus, [named])
        first = open_source("names")
        await consume(runner, first, lambda: _counted(seen, 1))
        await first.close()
        async with database.transaction() as session:
            await shred(session, "m-1")
        await replay(database, bus, runner.consumer)
        await consume(runner, open_source("names"), lambda: _counted(seen, 2))
        assert seen == ["Amara Okafor", "a former member"]

    async def test_a_poison_event_is_dead_lettered_and_the_rest_flow_on(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        events = changes(9, poison=frozenset({4}))
        await pipe(database, bus, events)
        await consume(runner, open_source(), lambda: self.applied(database, 8, dead=1))
        [letter] = await dead_letters(database)
        assert (letter.event_id, letter.attempts) == (events[4].id, FAST_RETRIES.max_attempts)
        assert "cannot digest" in letter.reason
        assert_once_each_in_order(await effect_rows(database), events[:4] + events[5:])

    async def test_an_event_failing_for_want_of_the_database_waits_and_is_never_dead_lettered(
        self, database: Database, bus: Bus, open_source: OpenSource
    ) -> None:
        events = changes(9)
        await pipe(database, bus, events)
        runner = Runner(locked_out(events[4].id, FAST_RETRIES.max_attempts + 2), database, bus, FAST_RETRIES)
        running = asyncio.create_task(runner.run(poll_seconds=0.1))
        try:
            await eventually(lambda: self.applied(database, 9))
        finally:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
        assert await dead_letters(database) == []
        assert_once_each_in_order(await effect_rows(database), events)

    async def test_an_unknown_version_is_dead_lettered_at_once(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        future = Event(type="tests.item.changed", version=9, subject="item-0", data={}, audience=("platform",))
        await pipe(database, bus, [future, *changes(2)])
        await consume(runner, open_source(), lambda: self.applied(database, 2, dead=1))
        [letter] = await dead_letters(database)
        assert (letter.event_id, letter.attempts, letter.reason) == (
            future.id,
            1,
            "unknown event version: tests.item.changed v9",
        )

    async def test_a_consumer_crashing_before_its_commit_has_no_second_effect(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        events = changes(10)
        await pipe(database, bus, events)
        crashing = open_source()
        deliveries = await self.poll_all(crashing, 10)
        await runner.process(deliveries)
        await crashing.close()
        redelivered = await self.poll_all(open_source(), 10, runner)
        assert {d.event.id for d in redelivered} == {event.id for event in events}
        assert_once_each_in_order(await effect_rows(database), events)

    async def test_a_relay_killed_mid_batch_loses_nothing_and_doubles_nothing(
        self, database: Database, bus: Bus, runner: Runner, open_source: OpenSource
    ) -> None:
        events = changes(10)
        await write(database, events)
        with pytest.raises(Killed):
            await Relay(database, DyingBus(bus)).relay_once()
        assert await Relay(database, bus).drain() == 10
        member = open_source()
        await consume(runner, member, lambda: self.applied(database, 10))
        for _ in range(3):
            await runner.step(member, 0.2)
        assert_once_each_in_order(await effect_rows(database), events)

    async def test_the_live_tail_brings_new_events_to_subscribers(self, database: Database, bus: Bus) -> None:
        await pipe(database, bus, changes(3))
        broadcast = Broadcast()
        tail = asyncio.create_task(broadcast.run(bus.tail(), 0.2))
        try:
            with broadcast.subscribe("item-0") as subscription:
                fresh = await self.first_live_event(database, bus, subscription)
        finally:
            tail.cancel()
            await asyncio.gather(tail, return_exceptions=True)
        assert fresh.subject == "item-0"

    # Helpers

    async def applied(self, database: Database, effects: int, dead: int = 0) -> bool:
        return await effect_count(database) == effects and len(await dead_letters(database)) == dead

    async def poll_ids(self, source: EventSource, count: int) -> set[str]:
        return {delivery.event.id for delivery in await self.poll_all(source, count)}

    async def poll_all(self, source: EventSource, count: int, runner: Runner | None = None) -> list:
        """Polls until `count` distinct events came; with a runner, also processes and commits each batch."""
        delivered: dict[str, object] = {}
        async with asyncio.timeout(20):
            while len(delivered) < count:
                batch = await source.poll(100, 0.2)
                if runner is not None:
                    await runner.process(batch)
                    await source.commit(batch)
                delivered |= {delivery.event.id: delivery for delivery in batch}
        return list(delivered.values())

    async def first_live_event(self, database: Database, bus: Bus, subscription: object) -> Event:
        """Writes events until the tail (which starts at the end of the bus, once it is joined) hands one over."""
        async with asyncio.timeout(20):
            while True:
                await pipe(database, bus, changes(1))
                try:
                    return await asyncio.wait_for(anext(subscription), 0.5)
                except TimeoutError:
                    continue


async def _counted(seen: list[str], count: int) -> bool:
    return len(seen) >= count
