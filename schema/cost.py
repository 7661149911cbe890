"""What a document would cost to validate and run, counted on the parsed document in one linear pass.

Two shapes are cheap to send and dear to check. Fragments that spread each other twice, nested twenty levels,
are a few hundred bytes but a million fields. A selection set repeating one field a thousand times
(`{ me { id } me { id } ... }`) is 7 KB, yet the rule that overlapping fields can be merged compares every pair
of them: seconds of work. So each selection set's width (its fields, with those its fragments bring to the same
level) and the whole document's fields are counted, each fragment once (memoized), before any rule runs.
"""

from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)


@dataclass(frozen=True)
class Cost:
    widest: int  # fields in the widest selection set, fragments' fields at that level included
    fields: int  # fields in all, every fragment spread expanded


@dataclass(frozen=True)
class _Size:
    width: int  # fields this selection set adds to the level it is spread at
    fields: int


def cost_of(document: DocumentNode) -> Cost:
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    sizes: dict[str, _Size] = {}
    widest = 0

    def of_fragment(name: str) -> _Size:
        if name not in sizes:
            sizes[name] = _Size(0, 0)  # a cycle adds nothing here; validation refuses it by name
            fragment = fragments.get(name)
            sizes[name] = of_selections(fragment.selection_set) if fragment else _Size(0, 0)
        return sizes[name]

    def of_selections(selections: SelectionSetNode | None) -> _Size:
        width = fields = 0
        for node in selections.selections if selections else ():
            if isinstance(node, FieldNode):
                width, fields = width + 1, fields + 1 + of_set(node.selection_set)
                continue
            if isinstance(node, FragmentSpreadNode):
                part = of_fragment(node.name.value)
            else:
                part = of_selections(node.selection_set) if isinstance(node, InlineFragmentNode) else _Size(0, 0)
            width, fields = width + part.width, fields + part.fields
        return _Size(width, fields)

    def of_set(selections: SelectionSetNode | None) -> int:
        """A field's own selection set is a level of its own: its width counts towards the widest."""
        nonlocal widest
        size = of_selections(selections)
        widest = max(widest, size.width)
        return size.fields

    operations = (d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fields = sum(of_set(operation.selection_set) for operation in operations)
    return Cost(widest, fields)
