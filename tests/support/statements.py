"""The SQL statements a request runs, as the database engine sees them: for costs, and for telling code paths apart."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from infra.database import Database
from tests.support.graphql import Gateway, Member

BACKGROUND_TABLES = ("events_", "search_", "feeds_", "notifications_")


@contextmanager
def counted(database: Database, background: tuple[str, ...] = BACKGROUND_TABLES) -> Iterator[list[str]]:
    """Every statement run meanwhile, in order, except those touching `background` tables."""
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        # The embedded relay and consumers share the engine; only the request's own statements count.
        if not any(table in statement for table in background):
            statements.append(statement)

    event.listen(database.engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", count)


def statements_of(api: Gateway, reader: Member, query: str, **variables: Any) -> int:
    """How many statements `reader` running `query` costs (with no relay or consumer running beside it: `quiet_api`)."""
    with counted(api.http.app.state.runtime.db) as ran:
        reader.run(query, **variables)
    return len(ran)
