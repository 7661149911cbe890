"""Periodic jobs keep running on their cadence even when one run fails."""

import asyncio

from infra import tracing
from infra.schedule import Job, run_jobs


async def test_a_failing_run_does_not_stop_the_job() -> None:
    runs: list[int] = []
    third_run = asyncio.Event()

    async def flaky() -> None:
        runs.append(len(runs))
        if len(runs) == 3:
            third_run.set()
        if len(runs) == 1:
            raise RuntimeError("first run fails")

    task = asyncio.create_task(run_jobs([Job("flaky", 0.01, flaky)]))
    try:
        await asyncio.wait_for(third_run.wait(), 30)
    finally:
        task.cancel()
    assert runs[:3] == [0, 1, 2]


async def test_each_run_is_a_trace_of_its_own() -> None:
    traces: list[tracing.Trace | None] = []
    second_run = asyncio.Event()

    async def traced() -> None:
        traces.append(tracing.current())
        if len(traces) == 2:
            second_run.set()

    task = asyncio.create_task(run_jobs([Job("traced", 0.01, traced)]))
    try:
        await asyncio.wait_for(second_run.wait(), 30)
    finally:
        task.cancel()
    first, second = traces[:2]
    assert first is not None and second is not None and first.trace_id != second.trace_id
