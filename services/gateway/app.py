"""The gateway: one Starlette app serving GraphQL (HTTP and WebSocket), health checks and the web app."""

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute

from schema import build
from services.data_rights.routes import member_routes as data_rights_routes
from services.gateway.graphiql import routes as graphiql_routes
from services.gateway.graphql_http import graphql_http
from services.gateway.graphql_ws import GraphQLWebSocket
from services.gateway.member_routes import mounted
from services.gateway.metrics import metrics
from services.gateway.middleware import RequestIds
from services.gateway.process import Process
from services.gateway.readiness import readyz
from services.gateway.web.routes import not_found
from services.gateway.web.routes import routes as web_routes
from services.gatherings.routes import member_routes as gathering_routes
from services.notifications.routes import routes as notification_routes
from services.peer_groups.routes import member_routes as peer_group_routes

log = logging.getLogger("commons.gateway")


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def server_error(request: Request, exc: Exception) -> Response:
    request_id = request.scope.get("state", {}).get("request_id", "?")
    log.error("request %s failed: %s", request_id, type(exc).__name__, exc_info=exc)
    return JSONResponse({"errors": [{"message": f"Internal error; quote request id {request_id}."}]}, 500)


def create_app(runtime: Process) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()

    schema = build(runtime.settings)
    app = Starlette(
        routes=[
            Route("/graphql", graphql_http, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", GraphQLWebSocket(runtime, schema)),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics),
            *graphiql_routes,
            *mounted(peer_group_routes),
            *mounted(gathering_routes),
            *mounted(data_rights_routes),
            *notification_routes,
            *web_routes,  # last: the web app's client paths are broad
        ],
        middleware=[Middleware(RequestIds)],
        exception_handlers={404: not_found, 500: server_error},
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.schema = schema
    return app
