"""Refuses a NUL character in any text argument, as a literal or a variable, before anything runs.

No database stores NUL (PostgreSQL refuses it, SQLite keeps it and hands it to search and feeds), so no
resolver may see one. Checked here once for every String and ID argument, on HTTP and WebSocket alike; a
literal can only hold one through an escape (`\\u0000`), so documents without `\\u` are not walked.
"""

from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, GraphQLError, StringValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension

from infra.errors import InvalidInput

MESSAGE = "Text may not contain NUL characters."


class _Literals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def enter_string_value(self, node: StringValueNode, *_: object) -> object:
        self.found = self.found or "\x00" in node.value
        return self.BREAK if self.found else None


def _in_literals(query: str | None, document: DocumentNode) -> bool:
    if query is not None and "\\u" not in query and "\x00" not in query:
        return False
    literals = _Literals()
    visit(document, literals)
    return literals.found


def _in_value(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_in_value(key) or _in_value(item) for key, item in value.items())
    return isinstance(value, list) and any(_in_value(item) for item in value)


class PlainText(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and (_in_value(context.variables) or _in_literals(context.query, document)):
            # Errors set before validation make Strawberry skip its rules and answer with these.
            context.pre_execution_errors = [GraphQLError(MESSAGE, original_error=InvalidInput(MESSAGE))]
        yield
