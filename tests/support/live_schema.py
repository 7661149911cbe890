"""The schema as a client sees it (introspected over HTTP), and what a response must never show.

The hostile-input and authorization suites walk this schema, so fields that new services add are covered
without anyone listing them.
"""

from typing import Any

import graphql
from graphql import GraphQLField, GraphQLSchema

from tests.support.graphql import Gateway

# What only a leaking server would say: traces, source paths, driver names and SQL.
LEAK_MARKERS = (
    "Traceback",
    'File "',
    '.py"',
    ".py'",
    "/work/",
    "site-packages",
    "sqlalchemy",
    "asyncpg",
    "aiosqlite",
    "sqlite3",
    "psycopg",
    "SELECT ",
    "INSERT INTO",
    "UPDATE ",
    "DELETE FROM",
    "Background on this error",
)


def live_schema(api: Gateway) -> GraphQLSchema:
    return graphql.build_client_schema(api.run(graphql.get_introspection_query(descriptions=False)))


def root_fields(schema: GraphQLSchema) -> dict[str, tuple[str, GraphQLField]]:
    """Every query and mutation field as "Query.name" -> (operation keyword, field)."""
    found = {}
    for keyword, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        for name, field in (root.fields if root else {}).items():
            found[f"{root.name}.{name}"] = (keyword, field)  # type: ignore[union-attr]
    return found


def leaks(body: str, sent: str) -> list[str]:
    """Markers in a response body that the request did not carry itself (echoed input is not a leak)."""
    lowered_body, lowered_sent = body.lower(), sent.lower()
    return [m for m in LEAK_MARKERS if m.lower() in lowered_body and m.lower() not in lowered_sent]


def internal_errors(body: dict[str, Any]) -> list[dict[str, Any]]:
    """Errors the gateway masked: something unexpected failed, which hostile input must never cause."""
    return [e for e in body.get("errors") or [] if (e.get("extensions") or {}).get("code") == "INTERNAL"]
