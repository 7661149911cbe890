"""Building a runnable operation for any root field of the live schema: arguments filled, a selection chosen.

ID arguments are filled from a map of entity kind -> id; the kind is the argument's name (`networkId` ->
Network), an explicit exception, or for a bare `id` the type the field returns. A field whose ID argument names
a kind the map lacks fails loudly, so suites built on this never skip a new field silently.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import graphql
from graphql import GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType

# Fields whose bare `id` is not the id of what they return.
# Fields whose `id` or `ids` argument names something other than what they return.
ID_KIND_EXCEPTIONS = {"acceptInvitation": "Invitation", "markNotificationsRead": "Notification"}
SCALARS: dict[str, Any] = {
    "Int": 1,
    "Float": 1.5,
    "Boolean": True,
    "DateTime": "2025-06-01T10:00:00+00:00",
    "Date": "2025-06-01",
}
MAX_DEPTH = 4


class UnfillableArgument(LookupError):
    pass


@dataclass
class Filler:
    ids: dict[str, str]
    # Value for a String argument, by argument name (e.g. email, role); also used inside input objects.
    text: Callable[[str], str]
    # Optional arguments worth setting (e.g. `after` for cursor tests); None leaves them out.
    optional: Callable[[str, GraphQLInputType], Any] = lambda name, kind: None

    def id_kind(self, field_name: str, arg_name: str, returns: GraphQLNamedType) -> str:
        if arg_name in ("id", "ids"):
            return ID_KIND_EXCEPTIONS.get(field_name, returns.name)
        stem = arg_name.removesuffix("Ids").removesuffix("Id")
        return stem[:1].upper() + stem[1:]

    def value(self, field_name: str, arg_name: str, kind: GraphQLInputType, returns: GraphQLNamedType) -> Any:
        kind = graphql.get_nullable_type(kind)  # type: ignore[assignment]
        if isinstance(kind, graphql.GraphQLList):
            return [self.value(field_name, arg_name, kind.of_type, returns)]
        if isinstance(kind, graphql.GraphQLEnumType):
            return next(iter(kind.values))
        if isinstance(kind, graphql.GraphQLInputObjectType):
            return {name: self.value(field_name, name, f.type, returns) for name, f in kind.fields.items()}
        name = kind.name  # type: ignore[union-attr]
        if name == "ID":
            entity = self.id_kind(field_name, arg_name, returns)
            if entity not in self.ids:
                raise UnfillableArgument(f"{field_name}({arg_name}: ID) points at a {entity}; add one to the fixture")
            return self.ids[entity]
        if name == "String":
            return self.text(arg_name)
        if name not in SCALARS:
            raise UnfillableArgument(f"{field_name}({arg_name}): no value for the scalar {name}")
        return SCALARS[name]


def no_arguments(field: GraphQLField) -> str:
    return ""


def selection(kind: GraphQLNamedType, depth: int = 1, arguments: Callable[[GraphQLField], str] = no_arguments) -> str:
    """Every leaf field without required arguments, and object fields below, down to MAX_DEPTH.

    `arguments` may give nested fields arguments, e.g. `(after: "...")` to every connection.
    """
    if isinstance(kind, graphql.GraphQLUnionType | graphql.GraphQLInterfaceType):
        return "{ __typename }"
    if not isinstance(kind, GraphQLObjectType):
        return ""
    parts = []
    for name, field in kind.fields.items():
        if any(graphql.is_required_argument(a) for a in field.args.values()):
            continue
        inner = graphql.get_named_type(field.type)
        if graphql.is_leaf_type(inner):
            parts.append(name)
        elif depth < MAX_DEPTH and (below := selection(inner, depth + 1, arguments)):
            parts.append(f"{name}{arguments(field)} {below}")
    return "{ " + " ".join(parts or ["__typename"]) + " }"


def operation(
    keyword: str,
    name: str,
    field: GraphQLField,
    filler: Filler,
    arguments: Callable[[GraphQLField], str] = no_arguments,
) -> tuple[str, dict[str, Any]]:
    """The document and variables calling root field `name` with its required and ID arguments (and chosen others)."""
    returns = graphql.get_named_type(field.type)
    declared, passed, variables = [], [], {}
    for index, (arg_name, arg) in enumerate(field.args.items()):
        points = graphql.get_named_type(arg.type).name == "ID"
        value = filler.value(name, arg_name, arg.type, returns) if points or graphql.is_required_argument(arg) else None
        if value is None:
            value = filler.optional(arg_name, arg.type)
        if value is not None:
            declared.append(f"$a{index}: {arg.type}")
            passed.append(f"{arg_name}: $a{index}")
            variables[f"a{index}"] = value
    head = f"{keyword} Sweep({', '.join(declared)})" if declared else f"{keyword} Sweep"
    call = f"{name}({', '.join(passed)})" if passed else name
    return f"{head} {{ {call} {selection(returns, 1, arguments)} }}", variables
