"""A consumer worker process killed mid-stream and restarted loses nothing and applies nothing twice (embedded log)."""

import pytest

from events.inprocess import InProcessBus
from infra.database import Database
from infra.settings import Settings
from tests.events.crashing_worker import MOMENTS
from tests.events.worker_crash import killed_midway_and_restarted

pytestmark = pytest.mark.usefixtures("tables")


@pytest.mark.parametrize("moment", MOMENTS)
async def test_a_worker_killed_midstream_and_restarted_loses_nothing_and_applies_nothing_twice(
    database: Database, settings: Settings, moment: str
) -> None:
    await killed_midway_and_restarted(settings, database, InProcessBus(database), moment)
