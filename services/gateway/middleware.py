"""Every request gets a request id (echoed as `x-request-id`) and a trace (the caller's W3C `traceparent`
continued, or a new one), both on every log line and event written while serving it; every response gets
security headers, and a strict CSP unless a route set one. One access line per request names the route's
pattern, never the path itself or its query, which may hold ids, tokens or a whole GraphQL document."""

import logging
import secrets
import time

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from infra import tracing
from infra.logs import bound

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
)
# Probes, scrapes and static files: many and dull, so their access lines are DEBUG.
QUIET = ("/healthz", "/readyz", "/metrics", "/static")
access = logging.getLogger("commons.gateway.access")


def _secure(message: Message, request_id: str) -> None:
    headers = MutableHeaders(scope=message)
    headers["x-request-id"] = request_id
    headers.setdefault("content-security-policy", CONTENT_SECURITY_POLICY)
    headers["x-content-type-options"] = "nosniff"
    headers["referrer-policy"] = "same-origin"
    headers["x-frame-options"] = "DENY"


def _log_access(scope: Scope, status: int, started: float) -> None:
    pattern = str(getattr(scope.get("route"), "path", "(no route)"))
    level = logging.DEBUG if pattern.startswith(QUIET) else logging.INFO
    milliseconds = (time.perf_counter() - started) * 1000
    access.log(level, "%s %s %s %.1f ms", scope.get("method", "WEBSOCKET"), pattern, status, milliseconds)


class RequestIds:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id, started, status = secrets.token_hex(8), time.perf_counter(), 0
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                _secure(message, request_id)
            elif message["type"] == "websocket.accept":
                status = 101
            await send(message)

        trace = tracing.continued(Headers(scope=scope).get("traceparent"))
        with tracing.within(trace), bound(request_id=request_id):
            try:
                await self.app(scope, receive, send_with_headers)
            finally:
                _log_access(scope, status, started)
