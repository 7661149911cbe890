"""`/metrics`, in Prometheus' text format: this process's own series (GraphQL latency by operation and transport,
and, where consumers run in it, their counters), and the whole system's health measured from the database at
each scrape (outbox backlog, consumer lag and dead letters, the mail backlog), so one scrape of any gateway says
how the system is doing. Counts and names only: no content, no member ids."""

import asyncio
import logging
from collections.abc import Iterable
from typing import Protocol

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from starlette.requests import Request
from starlette.responses import Response

from events.consumer import Consumer
from events.measures import pipeline_gauges
from infra.database import Database
from infra.settings import Settings
from services.notifications import api as notifications

log = logging.getLogger("commons.gateway")
# Within Prometheus' default scrape timeout (10 s): a busy database costs the gauges, not the whole scrape.
MEASURE_SECONDS = 5.0


class Observed(Protocol):
    """What the scrape reads of the process (the composition root's Runtime)."""

    settings: Settings
    db: Database

    def consumers(self) -> list[Consumer]: ...


class Measured:
    """A scrape's gauges, in the shape prometheus-client exposes (a collector)."""

    def __init__(self, gauges: list[Metric]) -> None:
        self.gauges = gauges

    def collect(self) -> Iterable[Metric]:
        return self.gauges


async def system_gauges(runtime: Observed) -> list[Metric]:
    gauges = await pipeline_gauges(runtime.settings, runtime.db, runtime.consumers())
    unsent = await notifications.mail_backlog(runtime.db)
    return [*gauges, GaugeMetricFamily("commons_mail_backlog", "Emails queued and not yet sent.", value=unsent)]


async def metrics(request: Request) -> Response:
    try:
        async with asyncio.timeout(MEASURE_SECONDS):
            measured = await system_gauges(request.app.state.runtime)
    except Exception as error:
        # This process's own series still tell something; the missing gauges are what an alert looks for.
        log.warning("system gauges not measured: %s", type(error).__name__)
        measured = []
    body = generate_latest(REGISTRY) + generate_latest(Measured(measured))
    return Response(body, media_type=CONTENT_TYPE_LATEST)
