"""Remembered documents answer as freshly validated ones would, never carry one schema's verdict to another,
are found again whatever the spacing, and take no more memory than their budget."""

import asyncio

from graphql import parse

from schema import build
from schema.known_documents import KnownDocuments, form_of
from tests.support.budgets import unhurried

DEEP = "{ feed { edges { node { author { localGroups { name } } } } } }"


def run(schema, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    result = asyncio.run(schema.execute(query))
    return [error.message for error in result.errors or ()]


def keep(known: KnownDocuments, text: str) -> None:
    document = parse(text)
    known.keep(text, form_of(document), document)


def test_a_repeated_query_answers_the_same_and_a_bad_one_is_refused_every_time() -> None:
    schema = build(unhurried())
    assert run(schema, "{ __typename }") == run(schema, "{ __typename }") == []
    assert run(schema, "{ noSuchField }") == run(schema, "{ noSuchField }") != []


def test_a_document_one_schema_accepted_is_still_checked_against_a_stricter_schema() -> None:
    lax, strict = build(unhurried(max_query_depth=12)), build(unhurried(max_query_depth=3))
    assert not any("depth" in message for message in run(lax, DEEP) + run(lax, DEEP))  # it needs a viewer
    assert any("depth" in message for message in run(strict, DEEP))


def test_a_text_differing_only_in_spacing_commas_or_comments_is_recognised() -> None:
    known = KnownDocuments()
    keep(known, "{ me { id name } }")
    variant = "# mine\n{me{id,\n   name}}"
    assert known.get(variant) is None  # a new text is parsed once...
    assert known.recall(variant, form_of(parse(variant)))  # ...then recognised by its form
    assert known.get(variant) is not None  # and found by its text from then on
    assert not known.recall("{ me { name id } }", form_of(parse("{ me { name id } }")))


def test_the_memory_stays_within_its_bytes_and_forgets_the_least_recently_used_first() -> None:
    small, large = "{ me { id } }", "{ me { " + "id " * 2_000 + "} }"
    known = KnownDocuments(budget_bytes=len(form_of(parse(large))) * 100 + 2 * len(large) + 1_500)
    keep(known, small)
    keep(known, "{ me { name } }")
    assert known.get(small) is not None  # now "{ me { name } }" is the least recently used
    keep(known, "{ me { email } }")
    keep(known, large)  # too large to sit beside the others: they go, oldest first
    assert known.used_bytes <= known.budget_bytes
    assert known.get("{ me { name } }") is None
    larger = "{ me { " + "name " * 3_000 + "} }"
    keep(known, larger)  # a document larger than the whole budget is not kept at all
    assert known.get(larger) is None and known.get(large) is not None
