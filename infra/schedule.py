"""Periodic jobs (surveys due, weekly digests): each runs on its own cadence; a failure is logged, not fatal."""

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from infra import tracing
from infra.logs import bound
from infra.tasks import completed

log = logging.getLogger("commons.schedule")


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[], Coroutine[Any, Any, object]]


async def _repeat(job: Job) -> None:
    while True:
        # Each run is a trace of its own: the events it writes carry it, and their consumers log under it.
        with tracing.within(tracing.continued(None)), bound(job=job.name):
            try:
                outcome = await completed(job.run())
                # A run that found nothing to do says so at DEBUG: the mail job runs every two seconds.
                log.log(logging.INFO if outcome else logging.DEBUG, "%s: %s", job.name, outcome)
            except Exception:
                log.exception("%s failed; trying again in %ss", job.name, job.every_seconds)
        await asyncio.sleep(job.every_seconds)


async def run_jobs(jobs: Sequence[Job]) -> None:
    await asyncio.gather(*(_repeat(job) for job in jobs))
