"""What the events benchmark feeds the pipeline with, and the raw kafka-python baseline it is compared to."""

import threading
import time

from kafka import KafkaConsumer, KafkaProducer

from events.catalogue import Payload, new_event, payload
from events.consumer import Consumer
from events.envelope import Event
from events.kafka import encode
from events.kafka_source import ensure_topics
from events.outbox import record
from infra.columns import new_id
from infra.database import Database
from infra.settings import Settings


@payload("bench.item.changed", 1)
class ItemChanged(Payload):
    seq: int
    text: str


def items(count: int) -> list[Event]:
    return [
        new_event(ItemChanged(seq=n, text="x" * 200), subject=f"item-{n % 500}", audience=["platform"], network=None)
        for n in range(count)
    ]


def counting(seen: dict[str, float]) -> Consumer:
    """A no-op consumer that notes when it first saw each event."""

    async def handle(event: Event, session: object) -> None:
        seen.setdefault(event.id, time.perf_counter())

    return Consumer(f"bench-{new_id()[:8]}", handle, ("bench",))


async def write(db: Database, events: list[Event]) -> None:
    async with db.transaction() as session:
        record(session, events)


def raw_kafka_throughput(settings: Settings, count: int) -> float:
    """Messages per second produced (acks=all) and consumed in a group (committing each poll), concurrently."""
    topic, messages = f"{settings.kafka_topic_prefix}-raw", [encode(event.to_dict()) for event in items(count)]
    ensure_topics(settings, [topic])
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all", linger_ms=5)
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.kafka_bootstrap,
        group_id=topic,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_interval_ms=settings.kafka_max_poll_interval_ms,
        session_timeout_ms=settings.kafka_session_timeout_ms,
        heartbeat_interval_ms=500,
        fetch_max_wait_ms=100,
    )
    producer.send(topic, b"warm-up").get()
    received = 0
    while received < 1:
        received += sum(len(batch) for batch in consumer.poll(100).values())
    began = time.perf_counter()
    sending = threading.Thread(
        target=lambda: (
            [producer.send(topic, key=str(n % 500).encode(), value=message) for n, message in enumerate(messages)]
            and producer.flush()
        )
    )
    sending.start()
    while received < count + 1:
        received += sum(len(batch) for batch in consumer.poll(100, max_records=1000).values())
        consumer.commit()
    elapsed = time.perf_counter() - began
    sending.join()
    producer.close()
    consumer.close()
    return count / elapsed
