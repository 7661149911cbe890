"""`commons worker` for the test consumer, as a process of its own: `python -m tests.events.crashing_worker`.

It runs `run_worker` as `commons worker` does, with settings from the COMMONS_ variables. With `--freeze MOMENT
--at N` it stops dead at its Nth event, prints "frozen" and waits for the test to kill it: `while-handling` the
event (its batch's transaction open), or `once-applied`, its batch committed to the database but not yet on the
bus, the moment a crash would bring the batch again.
"""

import argparse
import os
import sys
import time

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from events.consumer import Consumer
from events.envelope import Event
from events.processes import run_until_stopped, run_worker
from infra.settings import Settings
from tests.events.harness import apply_change, counter

MOMENTS = ("while-handling", "once-applied")
# A frozen worker the test failed to kill ends itself rather than outlive the test run.
FROZEN_SECONDS = 120


def freeze() -> None:
    print("frozen", flush=True)
    time.sleep(FROZEN_SECONDS)
    os._exit(1)


def freezing_counter(moment: str, at: int) -> Consumer:
    """The test consumer (same name, same effects) that freezes the whole process at its `at`th event."""
    handled = 0

    async def handle(change: Event, session: AsyncSession) -> None:
        nonlocal handled
        handled += 1
        if moment == "while-handling" and handled == at:
            freeze()
        await apply_change(change, session)

    def committed(_: Session) -> None:
        # The first commit after the handler saw its `at`th event is that batch's own, before the bus hears of it.
        if handled >= at:
            freeze()

    if moment == "once-applied":
        event.listen(Session, "after_commit", committed)
    plain = counter()
    return Consumer(plain.name, handle, plain.sources)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="crashing_worker")
    parser.add_argument("--freeze", choices=MOMENTS)
    parser.add_argument("--at", type=int, default=1, help="the event, counted from 1, to freeze at")
    args = parser.parse_args(argv)
    consumer = counter() if args.freeze is None else freezing_counter(args.freeze, args.at)
    run_until_stopped(run_worker(Settings(), consumer))


if __name__ == "__main__":
    main(sys.argv[1:])
