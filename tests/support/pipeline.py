"""The event pipeline run by hand, for a gateway without workers (`quiet_api`): relay the outbox, then let one
consumer (`drained`), or every one (`settle`), read until nothing is left."""

from commons.runtime import Runtime
from events.inprocess import InProcessBus
from events.relay import Relay
from events.runner import Runner
from tests.support.graphql import Gateway


async def drained(runtime: Runtime, name: str) -> None:
    consumer = next(consumer for consumer in runtime.consumers() if consumer.name == name)
    bus = InProcessBus(runtime.db)
    await Relay(runtime.db, bus).drain()
    if consumer.prepare is not None:
        await consumer.prepare()
    runner, source = Runner(consumer, runtime.db, bus), bus.source(name, consumer.sources)
    while await runner.step(source, 0.01):
        pass


async def _settled(runtime: Runtime) -> None:
    for consumer in runtime.consumers():
        await drained(runtime, consumer.name)


def settle(api: Gateway) -> None:
    """Every consumer (search, feeds, notifications, the record) run until none has work: tests see the effects of
    what they did at a moment they choose."""
    api.http.portal.call(_settled, api.runtime)  # type: ignore[union-attr]
