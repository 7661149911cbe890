"""Consumer lag on Kafka, per topic partition: a group's committed offsets against the partitions' ends. tansu
reports a partition's end as its last batch's first offset, so the lag before consuming is not exact here."""

import pytest

from events.kafka import KafkaBus
from events.lag import lags
from events.runner import Runner
from infra.database import Database
from infra.settings import Settings
from tests.events.contract import OpenSource, pipe
from tests.events.harness import FAST_RETRIES, changes, consume, counter, effect_count

pytestmark = [pytest.mark.kafka, pytest.mark.usefixtures("tables")]


async def test_each_partition_of_the_groups_topics_reports_its_lag_until_it_falls_to_zero(
    database: Database, bus: KafkaBus, kafka_settings: Settings, open_source: OpenSource
) -> None:
    await pipe(database, bus, changes(12))
    waiting = await lags(kafka_settings, database, [counter()])
    assert {(each.topic, each.partition) for each in waiting} == {(bus.topic("tests"), n) for n in range(3)}
    runner = Runner(counter(), database, bus, FAST_RETRIES)
    await consume(runner, open_source(), lambda: _applied(database, 12))
    assert [each.lag for each in await lags(kafka_settings, database, [counter()])] == [0, 0, 0]


async def _applied(database: Database, count: int) -> bool:
    return await effect_count(database) == count
