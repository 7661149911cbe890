"""Refuses documents whose fragments multiply into too many fields, before any validation rule expands them.

A fragment that spreads another twice, nested twenty levels, is a few hundred bytes but a million fields; the
depth and alias rules would walk every one. Here each fragment's expanded size is counted once (memoized).
"""

from collections.abc import Iterator

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

MAX_EXPANDED_FIELDS = 5_000


def expanded_size(document: DocumentNode) -> int:
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    sizes: dict[str, int] = {}

    def of_fragment(name: str) -> int:
        if name not in sizes:
            sizes[name] = MAX_EXPANDED_FIELDS + 1  # a cycle counts as too big (and is invalid anyway)
            fragment = fragments.get(name)
            sizes[name] = of_selections(fragment.selection_set) if fragment else 0
        return sizes[name]

    def of_selections(selections: SelectionSetNode | None) -> int:
        total = 0
        for node in selections.selections if selections else ():
            if isinstance(node, FieldNode):
                total += 1 + of_selections(node.selection_set)
            elif isinstance(node, InlineFragmentNode):
                total += of_selections(node.selection_set)
            elif isinstance(node, FragmentSpreadNode):
                total += of_fragment(node.name.value)
            if total > MAX_EXPANDED_FIELDS:
                break
        return total

    operations = (d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    return sum(of_selections(operation.selection_set) for operation in operations)


class FragmentExpansionLimit(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        document = self.execution_context.graphql_document
        if document is not None and expanded_size(document) > MAX_EXPANDED_FIELDS:
            # Errors set before validation make Strawberry skip its rules and answer with these.
            message = f"The query expands to more than {MAX_EXPANDED_FIELDS} fields."
            self.execution_context.pre_execution_errors = [GraphQLError(message)]
        yield
