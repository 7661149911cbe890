"""Consumer lag on Kafka: per topic partition, its end offset minus the group's committed offset (its start, if
the group never committed). Read as an outsider to the group: asking for its commits does not join it."""

from collections.abc import Sequence

from kafka import KafkaConsumer, TopicPartition

from events.consumer import Consumer
from events.kafka import KafkaBus
from events.kafka_source import client_config
from events.lag import PartitionLag
from infra.settings import Settings

# A scrape must not hang on a slow broker.
ASK_MS = 2000


def kafka_lags(settings: Settings, consumers: Sequence[Consumer]) -> list[PartitionLag]:
    topics = KafkaBus(settings).topic
    return [lag for c in consumers for lag in _group_lags(settings, c.name, [topics(s) for s in c.sources])]


def _group_lags(settings: Settings, group: str, topics: Sequence[str]) -> list[PartitionLag]:
    reader = KafkaConsumer(
        **client_config(settings), group_id=group, enable_auto_commit=False, allow_auto_create_topics=False
    )
    try:
        partitions = [TopicPartition(t, n) for t in topics for n in sorted(reader.partitions_for_topic(t) or ())]
        ends = reader.end_offsets(partitions, timeout_ms=ASK_MS)
        starts = reader.beginning_offsets(partitions, timeout_ms=ASK_MS)
        return [PartitionLag(group, p.topic, p.partition, _behind(reader, p, starts[p], ends[p])) for p in partitions]
    finally:
        reader.close()


def _behind(reader: KafkaConsumer, partition: TopicPartition, start: int, end: int) -> int:
    committed = reader.committed(partition, timeout_ms=ASK_MS)
    # Clamped: tansu reports a partition's end as its last batch's first offset, which a commit may pass.
    return max(0, end - (start if committed is None else committed))
