"""The event pipeline of a gateway without workers (`quiet_api`), run to the end on demand: tests see the effects
of what they did (search, feeds, notifications, the record) at a moment they choose, without waiting on timers."""

from typing import Any

from events.inprocess import InProcessBus
from events.relay import Relay
from events.runner import Runner
from tests.support.graphql import Gateway


async def _settle(runtime: Any) -> None:
    bus = InProcessBus(runtime.db)
    await Relay(runtime.db, bus).drain()
    for consumer in runtime.consumers():
        runner = Runner(consumer, runtime.db, bus)
        source = bus.source(consumer.name, consumer.sources)
        while await runner.step(source, 0.01):
            pass


def settle(api: Gateway) -> None:
    """Relays the outbox and runs every consumer until none has work."""
    api.http.portal.call(_settle, api.runtime)  # type: ignore[union-attr]
