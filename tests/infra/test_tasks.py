"""Stopping background tasks: a task that swallows a cancellation and goes on is still stopped."""

import asyncio

from infra.tasks import stop_all


async def test_a_task_that_swallows_its_first_cancellation_is_cancelled_again_and_ends() -> None:
    started, swallowed = asyncio.Event(), []

    async def stubborn() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            swallowed.append(True)  # as a library returning a connection might, then the loop goes on
        await asyncio.Event().wait()

    task = asyncio.create_task(stubborn())
    await started.wait()
    await stop_all([task, None])
    assert swallowed == [True] and task.cancelled()
