"""Log lines as the JSON formatter writes them, parsed, captured while a block runs."""

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from infra.logs import JsonLines


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonLines())
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Formatted here, in the thread and context that logged it: that is where its ids are.
        self.lines.append(json.loads(self.format(record)))


@contextmanager
def captured_logs() -> Iterator[list[dict[str, Any]]]:
    """What the product would log with `log_level=DEBUG`: every line of ours, and libraries' warnings and errors
    (`infra.logs.configure` keeps libraries at WARNING), appended as they come."""
    ours, handler = logging.getLogger("commons"), Lines()
    level = ours.level
    logging.getLogger().addHandler(handler)
    ours.setLevel(logging.DEBUG)
    try:
        yield handler.lines
    finally:
        logging.getLogger().removeHandler(handler)
        ours.setLevel(level)
