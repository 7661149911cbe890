"""GraphQL over WebSocket, graphql-transport-ws only; the caller authenticates in connection_init.

API clients send `{"token": "..."}` as the connection_init payload. Browsers may rely on their session cookie,
but only from this site's own pages (the Origin must match), so another site cannot open a socket as them.
"""

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UnsetType

from infra.context import RequestContext
from infra.runtime import Runtime
from services.gateway.requests import HttpProblem
from services.gateway.viewers import Caller, bearer, identify


def _same_origin(socket: WebSocket) -> bool:
    origin = socket.headers.get("origin")
    return origin is not None and urlsplit(origin).netloc == socket.headers.get("host")


class GraphQLWebSocket(GraphQL):
    def __init__(self, runtime: Runtime, schema: Any) -> None:
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
