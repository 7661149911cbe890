"""The gateway's guards and its memory of documents keep working through Strawberry's public extension points.

If a Strawberry release stopped honouring them (a document set in on_parse, the rules taken in on_validate,
the errors put there), costly documents would be validated or run and known ones validated again: these fail.
"""

import asyncio
from typing import Any

from graphql import DocumentNode, ValidationContext, ValidationRule
from strawberry.extensions import AddValidationRules

from schema import CommonsSchema, build
from tests.support.budgets import unhurried

DOUBLINGS = [f"fragment B{i} on Account {{ ...B{i - 1} ...B{i - 1} }}" for i in range(1, 19)]
BOMB = "{ me { ...B18 } } fragment B0 on Account { name } " + " ".join(DOUBLINGS)
REPEATED = "{ " + "me { id } " * 990 + "}"


def codes(schema: CommonsSchema, query: str) -> list[tuple[str, str]]:
    result = asyncio.run(schema.execute(query))
    return [(error.message, (error.extensions or {}).get("code", "")) for error in result.errors or ()]


def test_a_fragment_bomb_and_a_field_repeated_a_thousand_times_are_refused_as_too_costly() -> None:
    schema = build(unhurried())
    assert codes(schema, BOMB) == [("The query expands to more than 5000 fields.", "TOO_COSTLY")]
    assert codes(schema, REPEATED) == [("A selection set asks for more than 100 fields.", "TOO_COSTLY")]


class Witness:
    """Every document some validation rule looked at: what Strawberry and the gateway really validated."""

    documents: list[DocumentNode] = []

    class Rule(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            Witness.documents.append(context.document)

        def enter_document(self, *_: Any) -> None:
            return None


def test_a_known_document_is_not_validated_again_even_when_its_spacing_changes() -> None:
    schema = build(unhurried())
    schema.extensions = (*schema.extensions, lambda: AddValidationRules([Witness.Rule]))
    Witness.documents.clear()
    for text in (
        "{ __schema { queryType { name } } }",
        "{ __schema { queryType { name } } }",
        "{__schema{queryType{name}}}",
        "# again\n{ __schema {\n  queryType { name },\n} }",
    ):
        assert codes(schema, text) == []
    assert len(Witness.documents) == 1
    assert codes(schema, "{ __typename }") == [] and len(Witness.documents) == 2
