"""Remembered documents answer as freshly validated ones would, and never carry one schema's verdict to another."""

import asyncio

from graphql import parse

from infra.settings import Settings
from schema import build
from schema.known_documents import KnownDocuments

DEEP = "{ feed { edges { node { author { localGroups { name } } } } } }"


def run(schema, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    result = asyncio.run(schema.execute(query))
    return [error.message for error in result.errors or ()]


def test_a_repeated_query_answers_the_same_and_a_bad_one_is_refused_every_time() -> None:
    schema = build()
    assert run(schema, "{ __typename }") == run(schema, "{ __typename }") == []
    assert run(schema, "{ noSuchField }") == run(schema, "{ noSuchField }") != []


def test_a_document_one_schema_accepted_is_still_checked_against_a_stricter_schema() -> None:
    lax, strict = build(Settings(max_query_depth=12)), build(Settings(max_query_depth=3))
    assert not any("depth" in message for message in run(lax, DEEP) + run(lax, DEEP))  # it needs a viewer
    assert any("depth" in message for message in run(strict, DEEP))


def test_only_the_most_recently_used_documents_are_kept() -> None:
    known = KnownDocuments(capacity=2)
    for query in ("{ a }", "{ b }"):
        known.keep(query, parse(query))
    assert known.get("{ a }") is not None  # now "{ b }" is the least recently used
    known.keep("{ c }", parse("{ c }"))
    assert known.get("{ b }") is None and known.get("{ a }") is not None and known.get("{ c }") is not None
