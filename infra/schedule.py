"""Periodic jobs (surveys due, weekly digests): each runs on its own cadence; a failure is logged, not fatal."""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

log = logging.getLogger("commons.schedule")


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[], Awaitable[object]]


async def _repeat(job: Job) -> None:
    while True:
        try:
            outcome = await job.run()
            log.info("%s: %s", job.name, outcome)
        except Exception:
            log.exception("%s failed; trying again in %ss", job.name, job.every_seconds)
        await asyncio.sleep(job.every_seconds)


async def run_jobs(jobs: Sequence[Job]) -> None:
    await asyncio.gather(*(_repeat(job) for job in jobs))
