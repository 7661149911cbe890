"""Every request gets a request id (echoed as `x-request-id`) and a trace (the caller's W3C `traceparent`
continued, or a new one), both on every log line and event written while serving it; every response gets
security headers, and a strict CSP unless a route set one. One access line (and latency sample) per request names
the route's pattern, never the path itself or its query, which may hold ids, tokens or a whole GraphQL document."""

import logging
import secrets
import time

from prometheus_client import Histogram
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
HTTP_SECONDS = Histogram(
    "commons_http_request_seconds",
    "Time to answer an HTTP request, by route pattern, method and status.",
    ["route", "method", "status"],
)
# A client may send any method; only these become label values (the rest: "other").
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def _secure(message: Message, request_id: str) -> None:
    headers = MutableHeaders(scope=message)
    headers["x-request-id"] = request_id
    headers.setdefault("content-security-policy", CONTENT_SECURITY_POLICY)
    headers["x-content-type-options"] = "nosniff"
    headers["referrer-policy"] = "same-origin"
    headers["x-frame-options"] = "DENY"


def _record(scope: Scope, status: int, started: float) -> None:
    """The access line and, for HTTP (a socket's lifetime says nothing of speed), the latency."""
    seconds, pattern = time.perf_counter() - started, str(getattr(scope.get("route"), "path", "(no route)"))
    method = scope.get("method", "WEBSOCKET")
    if scope["type"] == "http":
        HTTP_SECONDS.labels(pattern, method if method in METHODS else "other", str(status)).observe(seconds)
    level = logging.DEBUG if pattern.startswith(QUIET) else logging.INFO
    access.log(level, "%s %s %s %.1f ms", method, pattern, status, seconds * 1000)


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
                _record(scope, status, started)
