"""A consumer worker killed mid-stream and restarted: the scenario the tests of each bus run.

The worker is a real process (`tests.events.crashing_worker`) running the real runner over the bus; the test
SIGKILLs it where it froze, starts a fresh one, and counts the effects once the consumer has caught up.
"""

import asyncio
import os
import sys
from asyncio.subprocess import PIPE, Process
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from events.bus import Bus
from events.status import status
from infra.database import Database
from infra.settings import Settings
from tests.events import crashing_worker
from tests.events.contract import pipe
from tests.events.harness import assert_once_each_in_order, changes, counter, effect_count, effect_rows, eventually

ROOT = Path(__file__).resolve().parents[2]
# Eight batches; the worker freezes in the third, so some but not all effects are in when it dies.
EVENTS, BATCH, FREEZE_AT = 40, 5, 13
# Generous: on a loaded CI machine a worker has once needed more than 30 s to start and join its group.
STARTUP_SECONDS = 60
Start = Callable[..., Awaitable[Process]]


def environment(settings: Settings) -> dict[str, str]:
    """The caller's environment without its COMMONS_ variables, plus `settings` as COMMONS_ variables."""
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("COMMONS_")}
    values = settings.model_dump(exclude_none=True) | {"consumer_batch_size": BATCH}
    return inherited | {f"COMMONS_{name.upper()}": str(value) for name, value in values.items()}


@asynccontextmanager
async def workers(settings: Settings) -> AsyncIterator[Start]:
    """Starts worker processes (`start(*arguments)`); any still running when the block ends is killed."""
    started: list[Process] = []

    async def start(*arguments: str) -> Process:
        module = ("-m", crashing_worker.__name__, *arguments)
        started.append(
            await asyncio.create_subprocess_exec(
                sys.executable, *module, env=environment(settings), cwd=ROOT, stdout=PIPE
            )
        )
        return started[-1]

    try:
        yield start
    finally:
        for worker in started:
            await kill(worker)


async def kill(worker: Process) -> None:
    if worker.returncode is None:
        worker.kill()
    await worker.wait()


async def until_frozen(worker: Process) -> None:
    assert worker.stdout is not None
    said = await asyncio.wait_for(worker.stdout.readline(), STARTUP_SECONDS)
    assert said == b"frozen\n", f"the worker ended (exit {await worker.wait()}) before it froze"


async def killed_midway_and_restarted(settings: Settings, database: Database, bus: Bus, moment: str) -> None:
    events = changes(EVENTS)
    await pipe(database, bus, events)
    async with workers(settings) as start:
        frozen = await start("--freeze", moment, "--at", str(FREEZE_AT))
        await until_frozen(frozen)
        await kill(frozen)
        assert 0 < await effect_count(database) < EVENTS, "the worker died mid-stream"
        await start()
        await eventually(lambda: caught_up(database), timeout=60)
    assert_once_each_in_order(await effect_rows(database), events)


async def caught_up(database: Database) -> bool:
    return (await status(database, [counter()])).idle
