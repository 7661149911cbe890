"""The Kafka bus (kafka-python, which is synchronous: every call runs in a worker thread).

One topic per source service (`{prefix}.{service}`), key = subject so each entity's events share a partition and
keep their order; acks=all and, where the broker supports it, an idempotent producer. Topics are created on
demand with `settings.kafka_partitions` partitions.
"""

import asyncio
import json
import re
from collections.abc import Iterable, Mapping, Sequence

from kafka import KafkaProducer

from events.envelope import Event
from events.kafka_source import KafkaSource, client_config, ensure_topics
from infra.columns import new_id
from infra.settings import Settings

Message = tuple[str, bytes, bytes]


def encode(document: Mapping[str, object]) -> bytes:
    return json.dumps(document, separators=(",", ":")).encode()


class KafkaBus:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.prefix = settings.kafka_topic_prefix
        self._producer: KafkaProducer | None = None
        self._topics: set[str] = set()

    def topic(self, source: str) -> str:
        return f"{self.prefix}.{source}"

    async def publish(self, events: Sequence[Event]) -> None:
        messages = [(self.topic(event.source), event.subject.encode(), encode(event.to_dict())) for event in events]
        await asyncio.to_thread(self._send, messages)

    def source(self, group: str, sources: Sequence[str]) -> KafkaSource:
        return KafkaSource(self.settings, group, topics=[self.topic(name) for name in sources])

    def tail(self) -> KafkaSource:
        # A group of its own per process, starting at the end: every process sees every live event.
        pattern = rf"^{re.escape(self.prefix)}\.[^.]+$"
        return KafkaSource(self.settings, f"{self.prefix}.live.{new_id()}", pattern=pattern)

    async def rewind(self, group: str, sources: Sequence[str]) -> None:
        await self.source(group, sources).rewind()

    async def dead_letter(self, group: str, event: Event, reason: str) -> None:
        document = {"consumer": group, "reason": reason, "event": event.to_dict()}
        message = (f"{self.prefix}-dead-letters.{group}", event.subject.encode(), encode(document))
        await asyncio.to_thread(self._send, [message])

    async def close(self) -> None:
        if self._producer is not None:
            await asyncio.to_thread(self._producer.close)
            self._producer = None

    def _send(self, messages: list[Message]) -> None:
        try:
            self._ensure_topics(topic for topic, _, _ in messages)
            producer = self._producer = self._producer or KafkaProducer(**producer_config(self.settings))
            sent = [producer.send(topic, key=key, value=value) for topic, key, value in messages]
            producer.flush(timeout=self.settings.kafka_timeout_ms / 1000)
            for future in sent:
                future.get(timeout=0)
        except Exception:
            # A broker that lost its state (a restart) no longer knows this producer or its topics: start over.
            self._producer, self._topics = None, set()
            raise

    def _ensure_topics(self, topics: Iterable[str]) -> None:
        missing = set(topics) - self._topics
        if missing:
            ensure_topics(self.settings, missing)
            self._topics |= missing


def producer_config(settings: Settings) -> dict[str, object]:
    return {
        **client_config(settings),
        "acks": "all",
        "enable_idempotence": settings.kafka_idempotence,
        # Without idempotence, one request in flight is what keeps retries from reordering a subject's events.
        "max_in_flight_requests_per_connection": 5 if settings.kafka_idempotence else 1,
        "linger_ms": 5,
        "max_block_ms": settings.kafka_timeout_ms,
        "delivery_timeout_ms": 2 * settings.kafka_timeout_ms,
    }
