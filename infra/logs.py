"""Log lines: JSON for collectors or plain for a terminal, each carrying the request, trace and event it is part of.

What a line is part of is bound around a block (`bound(request_id=...)`, the current trace of `infra.tracing`) and
read when the line is written, so a log call anywhere below a request or a consumer's event carries its ids. A
message holds ids, counts, type names and error kinds, never content or personal data (DEVELOPING.md,
Observability). Only our own loggers (`commons.*`) follow `log_level`; libraries stay at WARNING, since some of them
log the data they handle (rows, records, mail) at INFO or DEBUG.
"""

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TextIO

from infra import tracing
from infra.settings import Settings

_fields: ContextVar[dict[str, str] | None] = ContextVar("log_fields", default=None)
PLAIN = "%(asctime)s %(levelname)s %(name)s %(message)s"
# Libraries whose INFO lines hold no data (which migrations ran); the rest stay at WARNING.
PLAIN_SPOKEN = ("alembic",)


@contextmanager
def bound(**fields: str) -> Iterator[None]:
    """Every line logged in the block carries `fields` (request_id; consumer and event_id; a periodic job)."""
    token = _fields.set({**(_fields.get() or {}), **fields})
    try:
        yield
    finally:
        _fields.reset(token)


def context() -> dict[str, str]:
    trace = tracing.current()
    ids = {"trace_id": trace.trace_id, "span_id": trace.span_id} if trace else {}
    return {**(_fields.get() or {}), **ids}


class JsonLines(logging.Formatter):
    """One JSON object a line: time, level, logger, message, the ids it is part of, and a traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **context(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


class PlainLines(logging.Formatter):
    """The classic line, its ids in brackets at the end."""

    def __init__(self) -> None:
        super().__init__(PLAIN)

    def format(self, record: logging.LogRecord) -> str:
        ids = " ".join(f"{name}={value}" for name, value in context().items() if name != "span_id")
        return f"{super().format(record)} [{ids}]" if ids else super().format(record)


def formatter(log_format: str, stream: TextIO) -> logging.Formatter:
    """`auto`: plain on a terminal (`make run`), JSON anywhere else (containers, files, collectors)."""
    as_json = log_format == "json" or (log_format == "auto" and not stream.isatty())
    return JsonLines() if as_json else PlainLines()


def configure(settings: Settings, stream: TextIO = sys.stderr) -> None:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter(settings.log_format, stream))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    for name in ("commons", *PLAIN_SPOKEN):
        logging.getLogger(name).setLevel(settings.log_level)
