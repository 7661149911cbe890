"""How long each GraphQL operation takes, by operation name and transport, as a Prometheus histogram.

A client names its operations freely, and every distinct label value is a new series held forever: a name is
used only for a document that validated cleanly against the schema (one the known-documents memory keeps), and
only the first `NAMED_AT_MOST` such names; any other operation counts as "other", and an unnamed one as
"anonymous". Subscriptions last as long as their socket, so they are not timed.
"""

import time
from collections.abc import Iterator

from prometheus_client import Histogram
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.types.graphql import OperationType

NAMED_AT_MOST = 200
LATENCY = Histogram(
    "commons_graphql_request_seconds",
    "Time to parse, validate and run a GraphQL query or mutation.",
    ["operation", "transport"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0),
)
_named: set[str] = set()


def operation_label(context: ExecutionContext) -> str:
    name = context.operation_name
    if context.pre_execution_errors or context.graphql_document is None:
        return "other"
    if name is None:
        return "anonymous"
    if name not in _named and len(_named) < NAMED_AT_MOST:
        _named.add(name)
    return name if name in _named else "other"


def transport(context: ExecutionContext) -> str:
    # Strawberry sets connection_params from a socket's connection_init (always a dict there), never over HTTP.
    return "http" if getattr(context.context, "connection_params", None) is None else "websocket"


def _timed(context: ExecutionContext) -> bool:
    try:
        return context.operation_type is not OperationType.SUBSCRIPTION
    except Exception:
        return True  # no readable operation: refused before running, and timed as "other"


class OperationTiming(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context
        if _timed(context):
            LATENCY.labels(operation_label(context), transport(context)).observe(time.perf_counter() - started)
