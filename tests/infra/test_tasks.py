"""Stopping background loops: a step under way runs to its end, then the cancellation passes on."""

import asyncio

import pytest

from infra.tasks import completed, stop_all


async def test_a_step_under_way_ends_before_its_loop_is_cancelled() -> None:
    started, release, finished = asyncio.Event(), asyncio.Event(), []

    async def step() -> int:
        started.set()
        await release.wait()
        finished.append(True)
        return 1

    loop = asyncio.create_task(completed(step()))
    await started.wait()
    loop.cancel()
    await asyncio.sleep(0)  # one turn of the loop: the cancellation has landed
    assert not loop.done() and finished == []
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await loop
    assert finished == [True]


async def test_a_step_gives_its_result_or_its_error() -> None:
    async def answer() -> int:
        return 42

    async def fail() -> None:
        raise ValueError("no")

    assert await completed(answer()) == 42
    with pytest.raises(ValueError, match="no"):
        await completed(fail())


async def test_stop_all_waits_for_a_task_busy_with_a_step() -> None:
    started, release, finished = asyncio.Event(), asyncio.Event(), []

    async def loop() -> None:
        while True:
            await completed(busy())

    async def busy() -> None:
        started.set()
        await release.wait()
        finished.append(True)

    task = asyncio.create_task(loop())
    await started.wait()
    stopping = asyncio.create_task(stop_all([task, None]))
    await asyncio.sleep(0)
    assert not stopping.done()
    release.set()
    await stopping
    assert task.cancelled() and finished == [True]
