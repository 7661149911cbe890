"""What the event processes tell operators: their counters (scraped from each process's /metrics) and the log
context of an event being handled, which joins the trace of the request that wrote it."""

from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import Counter

from events.envelope import Event
from infra import tracing
from infra.logs import bound

APPLIED = Counter("commons_consumer_events", "Events a consumer applied in this process.", ["consumer"])
RETRIES = Counter("commons_consumer_retries", "Attempts at an event after its first, in this process.", ["consumer"])
DEAD_LETTERED = Counter(
    "commons_consumer_dead_lettered", "Events a consumer gave up on, in this process.", ["consumer"]
)
RELAYED = Counter("commons_relay_events", "Outbox events the relay put on the bus, in this process.")


@contextmanager
def handling(consumer: str, event: Event) -> Iterator[None]:
    """Log lines (and events written) in the block belong to `event`'s trace, under its id and the consumer."""
    with tracing.within(tracing.continued(event.traceparent)), bound(consumer=consumer, event_id=event.id):
        yield
