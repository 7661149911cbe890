"""The pipeline's health as Prometheus gauges, measured at each scrape from the database (and Kafka's offsets):
the outbox backlog, per consumer its dead letters, and per consumer group and partition its lag. Any process may
report them; they read the same from every one. All are index reads, cheap whatever the outbox holds
(bench/metrics_scrape.py); `commons status` also counts each consumer's unprocessed events exactly, which scans."""

import logging
from collections.abc import Sequence

from prometheus_client.metrics_core import GaugeMetricFamily, Metric

from events.consumer import Consumer
from events.lag import PartitionLag, lags
from events.status import backlog, dead_letters
from infra.database import Database
from infra.settings import Settings

log = logging.getLogger("commons.events.measures")


async def pipeline_gauges(settings: Settings, db: Database, consumers: Sequence[Consumer]) -> list[Metric]:
    gauges = await _stored_gauges(db, consumers)
    try:
        gauges.append(_lag_gauge(await lags(settings, db, consumers)))
    except Exception as error:
        # Left out rather than guessed: an absent series is what an alert on a down bus looks for.
        log.warning("consumer lag not measured: %s", type(error).__name__)
    return gauges


async def _stored_gauges(db: Database, consumers: Sequence[Consumer]) -> list[Metric]:
    dead = GaugeMetricFamily("commons_dead_letters", "Events a consumer gave up on (kept).", labels=["consumer"])
    async with db.sessions() as session:
        unsent = await backlog(session)
        for consumer in consumers:
            dead.add_metric([consumer.name], await dead_letters(session, consumer))
    return [GaugeMetricFamily("commons_outbox_backlog", "Outbox events not yet on the bus.", value=unsent), dead]


def _lag_gauge(measured: Sequence[PartitionLag]) -> Metric:
    lag = GaugeMetricFamily(
        "commons_consumer_lag",
        "Messages between a consumer group's committed offset and the end of the log, per partition.",
        labels=["consumer", "topic", "partition"],
    )
    for each in measured:
        lag.add_metric([each.consumer, each.topic, str(each.partition)], each.lag)
    return lag
