"""Log lines and trace context: what a collector receives, and what a malformed traceparent is worth."""

import io
import json
import logging
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import IntegrityError

from events.tables import ConsumerOffset
from infra import tracing
from infra.columns import utcnow
from infra.database import Database
from infra.logs import JsonLines, PlainLines, bound, configure, formatter
from infra.settings import Settings

VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def record(message: str = "indexer handles %s", *args: object) -> logging.LogRecord:
    return logging.LogRecord("commons.test", logging.INFO, __file__, 1, message, args or ("a.b.c",), None)


@pytest.mark.parametrize(
    "header",
    [
        VALID.upper(),
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        VALID + "-extra",
        "",
    ],
)
def test_a_malformed_traceparent_starts_a_new_trace(header: str) -> None:
    assert tracing.parsed(header) is None
    assert tracing.continued(header).trace_id != "4bf92f3577b34da6a3ce929d0e0e4736"


def test_a_valid_traceparent_is_continued_in_a_span_of_its_own() -> None:
    trace = tracing.continued(VALID)
    assert (trace.trace_id, trace.flags) == ("4bf92f3577b34da6a3ce929d0e0e4736", "01")
    assert trace.span_id != "00f067aa0ba902b7"
    assert tracing.parsed(trace.traceparent) == trace


def test_a_json_line_carries_the_ids_bound_around_it_and_the_trace() -> None:
    with tracing.within(tracing.parsed(VALID)), bound(consumer="indexer", event_id="e-1"):
        line = json.loads(JsonLines().format(record()))
    assert line == {
        "time": line["time"],
        "level": "INFO",
        "logger": "commons.test",
        "message": "indexer handles a.b.c",
        "consumer": "indexer",
        "event_id": "e-1",
        "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
        "span_id": "00f067aa0ba902b7",
    }
    assert "event_id" not in json.loads(JsonLines().format(record()))


def test_a_json_line_keeps_a_traceback_on_its_one_line() -> None:
    try:
        raise RuntimeError("broken")
    except RuntimeError:
        failed = logging.LogRecord("commons.test", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    text = JsonLines().format(failed)
    assert "\n" not in text and "RuntimeError: broken" in json.loads(text)["exception"]


def test_a_plain_line_ends_with_its_ids() -> None:
    with bound(request_id="r-1"):
        assert PlainLines().format(record()).endswith("INFO commons.test indexer handles a.b.c [request_id=r-1]")


def test_auto_writes_plain_lines_to_a_terminal_and_json_anywhere_else() -> None:
    assert isinstance(formatter("auto", Terminal()), PlainLines)
    assert isinstance(formatter("auto", io.StringIO()), JsonLines)
    assert isinstance(formatter("json", Terminal()), JsonLines)
    assert isinstance(formatter("plain", io.StringIO()), PlainLines)


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root, ours = logging.getLogger(), logging.getLogger("commons")
    handlers, levels = root.handlers[:], (root.level, ours.level)
    yield
    root.handlers[:] = handlers
    root.setLevel(levels[0])
    ours.setLevel(levels[1])


@pytest.mark.usefixtures("restored_logging")
def test_our_lines_follow_the_log_level_and_libraries_stay_at_warnings() -> None:
    stream = io.StringIO()
    configure(Settings(log_level="DEBUG", log_format="json"), stream)
    logging.getLogger("commons.events.runner").debug("indexer handles a.b.c")
    logging.getLogger("sqlalchemy.engine.Engine").info("INSERT INTO stories VALUES ('words')")
    logging.getLogger("kafka.conn").warning("broker away")
    messages = [json.loads(line)["message"] for line in stream.getvalue().splitlines()]
    assert messages == ["indexer handles a.b.c", "broker away"]


async def test_a_database_error_quotes_no_values(database: Database) -> None:
    offset = {"consumer": "Quillwort private words", "log_position": 1, "updated_at": utcnow()}
    async with database.transaction() as session:
        session.add(ConsumerOffset(**offset))
    with pytest.raises(IntegrityError) as refused:
        async with database.transaction() as session:
            session.add(ConsumerOffset(**offset))
    assert "Quillwort" not in str(refused.value)
