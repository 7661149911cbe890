"""Stopping background tasks for good, however deep in a library a cancellation lands."""

import asyncio
import logging
from collections.abc import Iterable

# How long a cancelled task has to end before it is cancelled again.
RECANCEL_SECONDS = 1.0
log = logging.getLogger(__name__)


async def stop_all(tasks: Iterable[asyncio.Task[None] | None]) -> None:
    """Cancels the tasks and waits until every one has ended. A task may swallow one cancellation (a library
    catching it while it returns a database connection, then the task's loop going on), so one still running
    after RECANCEL_SECONDS is cancelled again: shutting down can never hang on it."""
    pending = {task for task in tasks if task is not None}
    while pending:
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=RECANCEL_SECONDS)
        for task in pending:
            log.warning("task %s outlived its cancellation; cancelling it again", task.get_name())
