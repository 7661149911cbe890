"""Admitting a document: found in memory, or weighed and then validated beside the event loop; nothing twice.

Built on Strawberry's public extension points only, as its own shipped extensions use them:
- on_parse: an extension that sets `graphql_document` spares Strawberry its parse (as `ParserCache` does): a
  known document is taken from memory, a new one parsed beside the event loop. A text that does not parse
  gets a stand-in (a query of `__typename` under the requested operation name, so Strawberry can tell the
  operation's type) and its syntax error is the answer given in on_validate; the stand-in never runs;
- on_validate: this extension takes the request's validation rules (every limiter added its own in
  on_operation) and leaves Strawberry none, so Strawberry validates nothing itself (as `DisableValidation`
  does); it then runs them, and errors it puts in `pre_execution_errors` are the answer (as `ValidationCache`
  does). tests/schema/test_admission.py fails if Strawberry stops honouring any of these.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    GraphQLError,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

from infra.errors import TooCostly
from schema.cost import cost_of
from schema.known_documents import KnownDocuments, form_of
from schema.validation import Validation


@dataclass(frozen=True)
class Admissions:
    """What a schema's requests share: the limits, the memory of known documents and the validation pool."""

    max_selection_fields: int
    max_fields: int
    known: KnownDocuments
    validation: Validation

    def refusal(self, document: DocumentNode) -> GraphQLError | None:
        cost = cost_of(document)
        if cost.fields > self.max_fields:
            message = f"The query expands to more than {self.max_fields} fields."
        elif cost.widest > self.max_selection_fields:
            message = f"A selection set asks for more than {self.max_selection_fields} fields."
        else:
            return None
        return GraphQLError(message, original_error=TooCostly(message))


def stand_in(operation_name: str | None) -> DocumentNode:
    """A document Strawberry can take the operation's type from, for a text that could not be read."""
    field = FieldNode(name=NameNode(value="__typename"), arguments=(), directives=())
    operation = OperationDefinitionNode(
        operation=OperationType.QUERY,
        name=NameNode(value=operation_name) if operation_name else None,
        variable_definitions=(),
        directives=(),
        selection_set=SelectionSetNode(selections=(field,)),
    )
    return DocumentNode(definitions=(operation,))


class Admission(SchemaExtension):
    def __init__(self, admissions: Admissions) -> None:
        self.admissions = admissions
        self.recalled = False
        self.unreadable: GraphQLError | None = None

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = self.admissions.known.get(context.query)
        self.recalled = document is not None
        if document is None and context.query:
            read = await self.admissions.validation.parsed(context.query, dict(context.parse_options))
            self.unreadable = read if isinstance(read, GraphQLError) else None
            document = stand_in(context.operation_name) if isinstance(read, GraphQLError) else read
        if document is not None:
            context.graphql_document = document
        yield

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        rules, context.validation_rules = context.validation_rules, ()
        if self.unreadable is not None:
            context.pre_execution_errors = [self.unreadable]
        elif not self.recalled and context.pre_execution_errors is None and context.graphql_document is not None:
            errors = await self._errors(context.query or "", context.graphql_document, rules)
            context.pre_execution_errors = errors or None
        yield

    async def _errors(
        self, text: str, document: DocumentNode, rules: tuple[type[ASTValidationRule], ...]
    ) -> list[GraphQLError]:
        if (refusal := self.admissions.refusal(document)) is not None:
            return [refusal]
        form = form_of(document)
        if self.admissions.known.recall(text, form):
            return []
        errors = await self.admissions.validation.errors(self.execution_context.schema._schema, document, rules)
        if not errors:
            self.admissions.known.keep(text, form, document)
        return errors
