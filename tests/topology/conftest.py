"""The distributed topology runs on PostgreSQL and tansu: missing in CI fails, else skips."""

from collections.abc import Iterator

import pytest

from tests.support.databases import MigratedDatabases
from tests.support.kafka import Broker, running_broker


@pytest.fixture
def broker() -> Iterator[Broker]:
    yield from running_broker()


@pytest.fixture
def postgres_url(migrated: MigratedDatabases) -> str:
    """This session's own PostgreSQL database, migrated and emptied; every process of the stack shares it."""
    return migrated.postgres_url()
