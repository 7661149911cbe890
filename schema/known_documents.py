"""Remembers, by their text, the documents that parsed and validated cleanly, so a repeated query skips both.

Apps send the same few queries over and over; parsing and validating them (with the depth, alias and token
limits) is about a third of executing a small query. Each schema keeps its own memory, since its limits decide
what is valid; only clean documents are kept, and only the most recently used few hundred.
"""

from collections import OrderedDict
from collections.abc import Iterator

from graphql import DocumentNode
from strawberry.extensions import SchemaExtension

CAPACITY = 500


class KnownDocuments:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._documents: OrderedDict[str, DocumentNode] = OrderedDict()

    def get(self, query: str | None) -> DocumentNode | None:
        document = self._documents.get(query) if query else None
        if document is not None:
            self._documents.move_to_end(query)  # type: ignore[arg-type]
        return document

    def keep(self, query: str, document: DocumentNode) -> None:
        self._documents[query] = document
        if len(self._documents) > self.capacity:
            self._documents.popitem(last=False)


class ValidatedDocuments(SchemaExtension):
    """First in the schema's extensions, so a known document also skips the limits' own checks."""

    def __init__(self, known: KnownDocuments) -> None:
        self.known = known

    def on_parse(self) -> Iterator[None]:
        if (document := self.known.get(self.execution_context.query)) is not None:
            self.execution_context.graphql_document = document
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        seen = context.query is not None and self.known.get(context.query) is context.graphql_document
        if seen:
            context.pre_execution_errors = []  # errors set before validation make Strawberry skip its rules
        yield
        if not seen and context.pre_execution_errors == [] and context.graphql_document is not None:
            self.known.keep(context.query, context.graphql_document)  # type: ignore[arg-type]
