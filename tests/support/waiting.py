"""Waiting for a state the code under test reaches without an event of its own to wait on."""

import time
from collections.abc import Callable

POLL_SECONDS = 0.01


def until(reached: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Returns as soon as `reached()`; fails naming `what` after `timeout` (a bound for a hung run, not a speed)."""
    deadline = time.monotonic() + timeout
    while not reached():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(POLL_SECONDS)
