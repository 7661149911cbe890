"""Periodic jobs keep running on their cadence even when one run fails."""

import asyncio

from infra.schedule import Job, run_jobs


async def test_a_failing_run_does_not_stop_the_job() -> None:
    runs: list[int] = []

    async def flaky() -> None:
        runs.append(len(runs))
        if len(runs) == 1:
            raise RuntimeError("first run fails")

    task = asyncio.create_task(run_jobs([Job("flaky", 0.01, flaky)]))
    await asyncio.sleep(0.1)
    task.cancel()
    assert len(runs) >= 3
