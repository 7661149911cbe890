"""Kafka tests run on one database backend (PostgreSQL when there is one): the broker is what they test."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from events.kafka import KafkaBus
from infra.columns import new_id
from infra.settings import Settings
from tests.support.budgets import unhurried
from tests.support.databases import MigratedDatabases, backends
from tests.support.kafka import Broker


@pytest.fixture(params=backends()[-1:])
def database_url(request: pytest.FixtureRequest, migrated: MigratedDatabases, tmp_path: Path) -> str:
    return migrated.url(request.param, tmp_path)


@pytest.fixture
def kafka_settings(broker: Broker, database_url: str, tmp_path: Path) -> Settings:
    """Topics of their own per test; a short rebalance timeout, which tansu needs for groups to join."""
    return unhurried(
        database_url=database_url,
        data_dir=tmp_path,
        bus="kafka",
        kafka_bootstrap=broker.bootstrap,
        kafka_topic_prefix=f"test-{new_id()[:8]}",
        kafka_partitions=3,
        kafka_timeout_ms=3000,
        kafka_max_poll_interval_ms=1500,
        kafka_session_timeout_ms=2000,
    )


@pytest.fixture
async def bus(kafka_settings: Settings) -> AsyncIterator[KafkaBus]:
    kafka = KafkaBus(kafka_settings)
    yield kafka
    await kafka.close()
