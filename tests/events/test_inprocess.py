"""The embedded bus (the outbox as the log) keeps the bus contract, on SQLite and PostgreSQL."""

import pytest

from events.inprocess import InProcessBus
from infra.database import Database
from tests.events.contract import BusContract
from tests.support.statements import counted


class TestInProcessBus(BusContract):
    @pytest.fixture
    def bus(self, database: Database) -> InProcessBus:
        return InProcessBus(database)

    async def test_a_quiet_wait_reads_the_log_once(self, database: Database, bus: InProcessBus) -> None:
        """Readers wait twice a second when nothing comes: reading before and after each wait doubled their cost."""
        with counted(database, background=()) as ran:
            assert await bus.source("quiet", ("tests",)).poll(10, 0.05) == []
        assert len([statement for statement in ran if "FROM events_outbox" in statement]) == 1
