"""What the gateway serves with: the composition root's `Runtime` (commons/runtime.py) as seen from below it, so
the gateway imports nothing above itself."""

from typing import Protocol

from events.live import Broadcast
from infra.database import Database
from infra.settings import Settings
from search.port import SearchIndex


class Process(Protocol):
    settings: Settings
    db: Database
    broadcast: Broadcast

    @property
    def search(self) -> SearchIndex: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...
