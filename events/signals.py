"""Wake-ups inside one process, so the relay and in-process readers react at once instead of polling.

Other processes still see the same rows by polling; a signal only shortens the wait. Each waiter is a future
on its own event loop, so one signal serves every loop (tests run a loop each).
"""

import asyncio


class Signal:
    def __init__(self) -> None:
        self.generation = 0
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        self.generation += 1
        for waiter in tuple(self._waiters):
            waiter.get_loop().call_soon_threadsafe(_wake, waiter)

    async def wait(self, since: int, timeout: float) -> None:
        """Returns when notified after `since` (a generation read earlier), or after `timeout` seconds."""
        if self.generation > since:
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            # Not wait_for: on Python 3.11 it swallows a cancel that lands as the waiter wakes, and a stopping
            # worker would then poll forever.
            await asyncio.wait([waiter], timeout=timeout)
        finally:
            self._waiters.discard(waiter)


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


# A transaction that recorded events committed: the relay has work.
outbox_committed = Signal()
# The relay positioned rows in the in-process log (or sent them to the bus): readers have work.
log_advanced = Signal()
