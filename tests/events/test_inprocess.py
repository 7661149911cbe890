"""The embedded bus (the outbox as the log) keeps the bus contract, on SQLite and PostgreSQL."""

import pytest

from events.inprocess import InProcessBus
from infra.database import Database
from tests.events.contract import BusContract


class TestInProcessBus(BusContract):
    @pytest.fixture
    def bus(self, database: Database) -> InProcessBus:
        return InProcessBus(database)
