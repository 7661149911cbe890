"""What every GraphQL resolver gets as `info.context`, built per request (per connection for WebSockets)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http.cookies import SimpleCookie
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from infra.database import Database
from infra.settings import Settings
from infra.viewer import Viewer, signed_in

L = TypeVar("L", bound=DataLoader[Any, Any])


@dataclass
class RequestContext:
    settings: Settings
    db: Database
    viewer: Viewer | None
    request_id: str
    client_address: str = "unknown"
    # The raw session token of this request, so sign-out can end exactly this session.
    session_token: str | None = None
    # Set by Strawberry from a WebSocket's connection_init payload.
    connection_params: dict[str, Any] | None = None
    # Services reach the rest of the process (search index, live broadcast) through these.
    runtime: Any = None
    cookies: SimpleCookie = field(default_factory=SimpleCookie)
    _loaders: dict[Callable[..., Any], Any] = field(default_factory=dict)

    @property
    def viewer_audiences(self) -> frozenset[str]:
        return self.viewer.audiences if self.viewer else frozenset()

    @property
    def viewer_sees_from(self) -> Mapping[str, datetime]:
        return self.viewer.sees_from if self.viewer else {}

    @property
    def search(self) -> Any:
        return self.runtime.search

    @property
    def broadcast(self) -> Any:
        return self.runtime.broadcast

    def member(self) -> Viewer:
        return signed_in(self.viewer)

    def loader(self, factory: Callable[["RequestContext"], L]) -> L:
        """One DataLoader per factory per request, as Saleor does; each batch opens its own session."""
        if factory not in self._loaders:
            self._loaders[factory] = factory(self)
        return self._loaders[factory]


def context_of(info: Info) -> RequestContext:
    return info.context
