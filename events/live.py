"""Live updates for this process: the bus's live tail fanned out to subscribers (GraphQL subscriptions).

    with broadcast.subscribe(meeting_id) as events:     # a subject, or any predicate on the event
        async for event in events:
            ...

A subscriber that falls behind loses its oldest pending events rather than holding up the others.
"""

import asyncio
import logging
import threading
from collections.abc import Callable
from types import TracebackType

from events.bus import EventSource
from events.envelope import Event

log = logging.getLogger("commons.events.live")

Match = Callable[[Event], bool] | str


class Subscription:
    def __init__(self, broadcast: "Broadcast", match: Match, queue_size: int) -> None:
        self.broadcast = broadcast
        self.wants = match if callable(match) else (lambda event: event.subject == match)
        self.queue: asyncio.Queue[Event] = asyncio.Queue(queue_size)

    def offer(self, event: Event) -> None:
        if self.queue.full():
            self.queue.get_nowait()
        self.queue.put_nowait(event)

    def __aiter__(self) -> "Subscription":
        return self

    async def __anext__(self) -> Event:
        return await self.queue.get()

    def close(self) -> None:
        self.broadcast.subscriptions.discard(self)

    def __enter__(self) -> "Subscription":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class Broadcast:
    def __init__(self, queue_size: int = 1000) -> None:
        self.queue_size = queue_size
        self.subscriptions: set[Subscription] = set()
        # Set once the tail has read (so is placed at the log's end): events logged from then on reach subscribers.
        # A thread's event, not an asyncio one, so callers on other threads and loops (tests, probes) may wait.
        self.tailing = threading.Event()

    def subscribe(self, match: Match) -> Subscription:
        """Events from now on that `match` (a subject, or a predicate); registered at once, so none are missed."""
        subscription = Subscription(self, match, self.queue_size)
        self.subscriptions.add(subscription)
        return subscription

    def deliver(self, event: Event) -> None:
        for subscription in tuple(self.subscriptions):
            if subscription.wants(event):
                subscription.offer(event)

    async def run(self, tail: EventSource, poll_seconds: float = 0.5) -> None:
        """Feeds subscribers from `tail` (the bus's live tail) until cancelled."""
        try:
            while True:
                try:
                    deliveries = await tail.poll(1000, poll_seconds)
                except Exception as error:
                    log.warning("live tail failed, retrying: %r", error)
                    await asyncio.sleep(poll_seconds)
                    continue
                self.tailing.set()
                for delivery in deliveries:
                    self.deliver(delivery.event)
                await tail.commit(deliveries)
        finally:
            await tail.close()
