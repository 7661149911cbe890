"""The bus port: publish events, and read them back as a consumer group.

Adapters: `events.kafka` (Kafka via kafka-python) and `events.inprocess` (the outbox as a log, for the
embedded mode). Both deliver at least once, in order per subject; the runner makes effects happen once.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from events.envelope import Event


@dataclass(frozen=True)
class Delivery:
    event: Event
    # Where the event sits in the adapter's log (a log position, or a Kafka partition and offset).
    position: Any


class EventSource(Protocol):
    """One member of a consumer group (or a live tail): poll, process, then commit."""

    async def poll(self, max_events: int, timeout: float) -> list[Delivery]:
        """The next deliveries after the last commit, waiting up to `timeout` seconds for some."""
        ...

    async def commit(self, deliveries: Sequence[Delivery]) -> None:
        """Marks `deliveries` (and everything before them) as processed by the group."""
        ...

    async def close(self) -> None: ...


class Bus(Protocol):
    async def publish(self, events: Sequence[Event]) -> None:
        """Returns once the bus holds every event; raises if it cannot say so."""
        ...

    def source(self, group: str, sources: Sequence[str]) -> EventSource:
        """A member of consumer group `group`, reading the events of the services named in `sources`."""
        ...

    def tail(self) -> EventSource:
        """Every event published from now on, for this process only (live updates)."""
        ...

    async def rewind(self, group: str, sources: Sequence[str]) -> None:
        """The group reads again from the beginning (stop its members first)."""
        ...

    async def dead_letter(self, group: str, event: Event, reason: str) -> None:
        """Keeps an event the group gave up on where operators look for them, beside the database table."""
        ...

    async def close(self) -> None: ...
