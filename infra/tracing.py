"""W3C trace context: the trace a request starts (or continues) travels with the events it writes.

`traceparent` is `00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>`; a header that is not exactly that
(upper-case hex, an all-zero id, version ff) is ignored and a new trace starts, as the W3C recommendation says. The
current trace lives in a context variable, so code far from the request (a command recording its events) reads it
without being handed it, and tasks started inside the request inherit it.
"""

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

TRACEPARENT = re.compile(r"^(?!ff)([0-9a-f]{2})-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-([0-9a-f]{2})$")
SAMPLED = "01"


@dataclass(frozen=True)
class Trace:
    trace_id: str
    span_id: str
    flags: str = SAMPLED

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-{self.flags}"

    def child(self) -> "Trace":
        """This process's own span of the same trace."""
        return Trace(self.trace_id, secrets.token_hex(8), self.flags)


def parsed(traceparent: str | None) -> Trace | None:
    """The trace a well-formed `traceparent` names; None for anything else."""
    found = TRACEPARENT.match(traceparent) if traceparent else None
    if found is None:
        return None
    _version, trace_id, span_id, flags = found.groups()
    return Trace(trace_id, span_id, flags)


def continued(traceparent: str | None) -> Trace:
    """A span of the caller's trace when it sent a valid one, else the first span of a new trace."""
    parent = parsed(traceparent)
    return parent.child() if parent else Trace(secrets.token_hex(16), secrets.token_hex(8))


_current: ContextVar[Trace | None] = ContextVar("trace", default=None)


def current() -> Trace | None:
    return _current.get()


def current_traceparent() -> str | None:
    trace = _current.get()
    return trace.traceparent if trace else None


@contextmanager
def within(trace: Trace | None) -> Iterator[Trace | None]:
    """Runs the block as part of `trace` (None: of no trace)."""
    token = _current.set(trace)
    try:
        yield trace
    finally:
        _current.reset(token)
