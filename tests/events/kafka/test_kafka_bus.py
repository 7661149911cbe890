"""The Kafka bus keeps the bus contract against a real Kafka-protocol broker (tansu)."""

import json

import pytest
from kafka import KafkaConsumer

from events.kafka import KafkaBus
from events.runner import Runner
from infra.database import Database
from tests.events.contract import BusContract, OpenSource, pipe
from tests.events.harness import changes, consume

pytestmark = pytest.mark.kafka


class TestKafkaBus(BusContract):
    async def test_dead_letters_also_reach_the_dead_letter_topic(
        self, database: Database, bus: KafkaBus, runner: Runner, open_source: OpenSource
    ) -> None:
        events = changes(3, poison=frozenset({1}))
        await pipe(database, bus, events)
        await consume(runner, open_source(), lambda: self.applied(database, 2, dead=1))
        [letter] = read_topic(bus, f"{bus.prefix}-dead-letters.counter")
        assert (letter["consumer"], letter["event"]["id"]) == ("counter", events[1].id)
        assert "cannot digest" in letter["reason"]


def read_topic(bus: KafkaBus, topic: str) -> list[dict[str, object]]:
    reader = KafkaConsumer(
        topic, bootstrap_servers=bus.settings.kafka_bootstrap, auto_offset_reset="earliest", consumer_timeout_ms=2000
    )
    try:
        return [json.loads(record.value) for record in reader]
    finally:
        reader.close()
