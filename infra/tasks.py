"""Background loops stop while they wait, never inside a step: a step they have begun runs to its end.

Why: a cancellation landing while SQLAlchemy returns an aiosqlite connection to its pool makes the pool terminate
the connection while a graceful close of it is still under way, and that close then waits forever on a worker
thread that has already ended (SQLAlchemy 2.1, aiosqlite 0.22). The task never ends and shutting down hangs.
So each loop runs its database work through `completed`, and `stop_all` cancels once and waits.
"""

import asyncio
from collections.abc import Coroutine, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


async def completed(step: Coroutine[Any, Any, T]) -> T:
    """Runs `step` to its end even if the caller is cancelled meanwhile, then passes the cancellation on."""
    task = asyncio.create_task(step)
    cancelled: asyncio.CancelledError | None = None
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError as cancellation:
            cancelled = cancellation
    if cancelled is not None:
        raise cancelled
    return task.result()


async def stop_all(tasks: Iterable[asyncio.Task[None] | None]) -> None:
    """Cancels the tasks and waits until every one has ended (a step under way first runs to its end)."""
    running = [task for task in tasks if task is not None]
    for task in running:
        task.cancel()
    await asyncio.gather(*running, return_exceptions=True)
