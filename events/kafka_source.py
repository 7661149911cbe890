"""Reading Kafka as a consumer group member: manual commits after processing, never auto-commit."""

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from kafka import ConsumerRebalanceListener, KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.admin import NewTopic
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import TopicAlreadyExistsError
from kafka.structs import OffsetAndMetadata

from events.bus import Delivery
from events.envelope import Event
from infra.settings import Settings

log = logging.getLogger("commons.events.kafka")
T = TypeVar("T")


class KafkaSource:
    """One member of `group`, subscribed to `topics` (or to the topics matching `pattern`, from their end)."""

    def __init__(self, settings: Settings, group: str, topics: Sequence[str] = (), pattern: str | None = None) -> None:
        self.settings, self.group, self.topics, self.pattern = settings, group, list(topics), pattern
        self._consumer: KafkaConsumer | None = None
        # A KafkaConsumer is not thread-safe: one thread of its own runs every call, even after a cancelled await.
        self._thread = ThreadPoolExecutor(1, thread_name_prefix=f"kafka-{group}")
        self._closed = False

    async def poll(self, max_events: int, timeout: float) -> list[Delivery]:
        return await self._call(self._poll, max_events, timeout)

    async def commit(self, deliveries: Sequence[Delivery]) -> None:
        if deliveries and self.pattern is None:
            await self._call(self._commit, deliveries)

    async def rewind(self) -> None:
        """Commits the beginning of every partition for the group, as a non-member (so stop the members first)."""
        await self._call(self._rewind)

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            await self._call(self._close)
            self._thread.shutdown(wait=False)

    async def _call(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, work, *args)

    def _close(self) -> None:
        if self._consumer is not None:
            self._consumer.close()
            self._consumer = None

    def _poll(self, max_events: int, timeout: float) -> list[Delivery]:
        batches = self._open().poll(timeout_ms=int(timeout * 1000), max_records=max_events)
        return [delivery for records in batches.values() for record in records if (delivery := _read(record))]

    def _commit(self, deliveries: Sequence[Delivery]) -> None:
        last: dict[TopicPartition, int] = {}
        for delivery in deliveries:
            partition, offset = delivery.position
            last[partition] = max(offset, last.get(partition, -1))
        self._open().commit({partition: OffsetAndMetadata(offset + 1, "", -1) for partition, offset in last.items()})

    def _open(self) -> KafkaConsumer:
        if self._consumer is None:
            live = self.pattern is not None
            self._consumer = KafkaConsumer(**consumer_config(self.settings, self.group, live))
            if live:
                self._consumer.subscribe(pattern=self.pattern)
            else:
                ensure_topics(self.settings, self.topics)
                self._consumer.subscribe(self.topics, listener=Assignment(self.group))
        return self._consumer

    def _rewind(self) -> None:
        ensure_topics(self.settings, self.topics)
        consumer = KafkaConsumer(**consumer_config(self.settings, self.group, live=False))
        try:
            partitions = [
                TopicPartition(topic, number)
                for topic in self.topics
                for number in consumer.partitions_for_topic(topic) or ()
            ]
            consumer.assign(partitions)
            starts = consumer.beginning_offsets(partitions)
            consumer.commit({partition: OffsetAndMetadata(offset, "", -1) for partition, offset in starts.items()})
        finally:
            consumer.close()


class Assignment(ConsumerRebalanceListener):  # type: ignore[misc]  # kafka-python is untyped
    """Logs the partitions this member reads after each rebalance: an operator sees a group share its
    partitions, and a live member take over those of one that died."""

    def __init__(self, group: str) -> None:
        self.group = group

    def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        """Nothing to hand over: each batch's offsets are committed once it is processed."""

    def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        reads = ", ".join(sorted(f"{partition.topic}:{partition.partition}" for partition in assigned))
        log.info("consumer group %s: this member reads %s", self.group, reads or "nothing")


def _read(record: ConsumerRecord) -> Delivery | None:
    try:
        event = Event.from_dict(json.loads(record.value))
    except (ValueError, KeyError, TypeError) as error:
        # Not an event of ours (a foreign producer): nothing a consumer could do with it.
        log.warning("skipping undecodable record %s:%s@%s: %s", record.topic, record.partition, record.offset, error)
        return None
    return Delivery(event, (TopicPartition(record.topic, record.partition), record.offset))


def client_config(settings: Settings) -> dict[str, object]:
    return {
        "bootstrap_servers": settings.kafka_bootstrap,
        "request_timeout_ms": settings.kafka_timeout_ms,
        "bootstrap_timeout_ms": settings.kafka_timeout_ms,
        # A restarted broker is found again within a second, not after the default 30 s backoff.
        "reconnect_backoff_max_ms": 1000,
    }


def consumer_config(settings: Settings, group: str, live: bool) -> dict[str, object]:
    return {
        **client_config(settings),
        "group_id": group,
        "enable_auto_commit": False,
        "auto_offset_reset": "latest" if live else "earliest",
        "max_poll_interval_ms": settings.kafka_max_poll_interval_ms,
        "session_timeout_ms": settings.kafka_session_timeout_ms,
        "heartbeat_interval_ms": settings.kafka_session_timeout_ms // 4,
        "fetch_max_wait_ms": 100,
        # Topics created after a member subscribed (or re-created by a restarted broker) are found quickly.
        "metadata_max_age_ms": 5_000,
    }


def brokers_answer(settings: Settings, timeout_ms: int) -> bool:
    """Whether the brokers answer a metadata request within about `timeout_ms` (readiness checks)."""
    quick = {**client_config(settings), "request_timeout_ms": timeout_ms, "bootstrap_timeout_ms": timeout_ms}
    try:
        admin = KafkaAdminClient(**quick)
        try:
            admin.list_topics()
        finally:
            admin.close()
    except Exception:
        return False
    return True


def ensure_topics(settings: Settings, topics: Iterable[str]) -> None:
    admin = KafkaAdminClient(**client_config(settings))
    try:
        for topic in topics:
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics([NewTopic(topic, settings.kafka_partitions, -1)])
    finally:
        admin.close()
