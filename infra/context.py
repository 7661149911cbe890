"""What every GraphQL resolver gets as `info.context`, built per request (per connection for WebSockets)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http.cookies import SimpleCookie
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from infra.database import Database
from infra.settings import Settings
from infra.viewer import Viewer, signed_in

if TYPE_CHECKING:  # types only: infra sits below events and search
    from events.live import Broadcast
    from search.port import SearchIndex

L = TypeVar("L", bound=DataLoader[Any, Any])


class Process(Protocol):
    """What a request reaches of its process beyond the database (the composition root's `Runtime`)."""

    @property
    def search(self) -> "SearchIndex": ...

    @property
    def broadcast(self) -> "Broadcast": ...


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
    runtime: Process | None = None
    cookies: SimpleCookie = field(default_factory=SimpleCookie)
    _loaders: dict[Callable[["RequestContext"], DataLoader[Any, Any]], DataLoader[Any, Any]] = field(
        default_factory=dict
    )

    @property
    def viewer_audiences(self) -> frozenset[str]:
        return self.viewer.audiences if self.viewer else frozenset()

    @property
    def viewer_sees_from(self) -> Mapping[str, datetime]:
        return self.viewer.sees_from if self.viewer else {}

    @property
    def search(self) -> "SearchIndex":
        if self.runtime is None:
            raise RuntimeError("This request was built without its process, so it cannot search.")
        return self.runtime.search

    @property
    def broadcast(self) -> "Broadcast | None":
        """None where the process serves no live updates (a request built outside a gateway)."""
        return self.runtime.broadcast if self.runtime is not None else None

    def member(self) -> Viewer:
        return signed_in(self.viewer)

    def loader(self, factory: Callable[["RequestContext"], L]) -> L:
        """One DataLoader per factory per request, as Saleor does; each batch opens its own session."""
        if factory not in self._loaders:
            self._loaders[factory] = factory(self)
        # The dict maps each factory to what it made, which a dict's type cannot say.
        return cast(L, self._loaders[factory])


# What every resolver's `info` is.
Ctx = Info[RequestContext, None]
