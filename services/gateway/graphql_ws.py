"""GraphQL over WebSocket, graphql-transport-ws only; the caller authenticates in connection_init.

API clients send `{"token": "..."}` as the connection_init payload. Browsers may rely on their session cookie,
but only from this site's own pages (the Origin must match), so another site cannot open a socket as them.

A socket lives no longer than its session: when the account's sessions end (sign-out, password change), the
event reaches every process through the bus's live tail, and a socket whose own session is gone ends its
operations and closes with 4401. Should that signal be missed, each subscription checks the session again
before every delivery.
"""

import asyncio
from contextlib import suppress
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.types.unset import UnsetType

from events.envelope import Event
from events.live import Subscription
from infra.context import RequestContext
from services.accounts import api as accounts
from services.accounts.events import SESSIONS_ENDED
from services.gateway.process import Process
from services.gateway.requests import HttpProblem
from services.gateway.viewers import Caller, bearer, identify


def _same_origin(socket: WebSocket) -> bool:
    origin = socket.headers.get("origin")
    return origin is not None and urlsplit(origin).netloc == socket.headers.get("host")


# graphql-transport-ws' own code for "Unauthorized".
SESSION_ENDED = 4401


class SessionBoundHandler(BaseGraphQLTransportWSHandler[RequestContext, None]):
    """graphql-transport-ws, closing the socket once the session it was opened with has ended."""

    async def handle(self) -> None:
        broadcast = self.context.broadcast
        if broadcast is None:  # built outside a gateway's process: no session ends reach it
            return await super().handle()
        with broadcast.subscribe(self._about_my_account) as ended:
            watch = asyncio.create_task(self._close_when_session_ends(ended))
            try:
                await super().handle()
            finally:
                watch.cancel()
                with suppress(asyncio.CancelledError):
                    await watch

    def _about_my_account(self, event: Event) -> bool:
        viewer = self.context.viewer
        return event.type == SESSIONS_ENDED and viewer is not None and event.subject == viewer.account_id

    async def _close_when_session_ends(self, ended: Subscription) -> None:
        async for _ in ended:
            token = self.context.session_token
            if token is not None and await accounts.holder_of(self.context.db, token) is None:
                # Operations end first (awaited), so none sends anything after the close.
                await self.shutdown()
                await self.websocket.close(SESSION_ENDED, "Your session has ended; sign in again.")
                return


class GraphQLWebSocket(GraphQL[RequestContext, None]):
    graphql_transport_ws_handler_class = SessionBoundHandler

    def __init__(self, runtime: Process, schema: Any) -> None:
        super().__init__(
            schema,
            graphql_ide=None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=timedelta(seconds=10),
            max_subscriptions_per_connection=20,
        )
        self.runtime = runtime

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> RequestContext:
        cookie_caller = Caller(None, None)
        if isinstance(request, WebSocket) and _same_origin(request):
            cookie_caller = await identify(self.runtime.db, request.headers, request.cookies)
        return RequestContext(
            settings=self.runtime.settings,
            db=self.runtime.db,
            viewer=cookie_caller.viewer,
            request_id=request.scope.get("state", {}).get("request_id", "ws"),
            client_address=request.client.host if request.client else "unknown",
            runtime=self.runtime,
            session_token=cookie_caller.token,
        )

    async def on_ws_connect(self, context: RequestContext) -> UnsetType | dict[str, object] | None:
        token = (context.connection_params or {}).get("token")
        if token is None:
            return await super().on_ws_connect(context)
        try:
            caller = await bearer(self.runtime.db, str(token))
        except HttpProblem:
            raise ConnectionRejectionError({"message": "That token is not valid; sign in again."}) from None
        context.viewer, context.session_token = caller.viewer, caller.token
        return await super().on_ws_connect(context)
