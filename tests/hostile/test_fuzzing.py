"""Thousands of operations generated from the live schema: valid ones and ones with one schema violation each.

Whatever they hold (NUL, any Unicode, nulls, huge numbers, unknown ids), the gateway answers with no 5xx, no
masked internal error and no trace, path or SQL. `make test` sends a fixed sequence of 200;
`make test-slow` sends thousands of fresh ones.
"""

import json

import graphql
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema

from tests.hostile.conftest import Target
from tests.support.live_schema import live_schema


def any_text_for_custom_scalars(schema: graphql.GraphQLSchema) -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    """Custom scalars (DateTime, Date, those services add later) get plausible values and arbitrary text."""
    plausible = st.sampled_from(["2025-06-01", "2025-06-01T10:00:00+00:00", "", "31/02/2025", "9999-99-99"])
    text = st.one_of(plausible, st.text(max_size=40)).map(lambda value: graphql.StringValueNode(value=value))
    builtin = graphql.specified_scalar_types
    return {
        name: text
        for name, kind in schema.type_map.items()
        if isinstance(kind, graphql.GraphQLScalarType) and name not in builtin
    }


def fuzz(target: Target, examples: int, fixed: bool) -> None:
    schema = live_schema(target.api)
    scalars = any_text_for_custom_scalars(schema)
    operations = st.one_of(
        from_schema(schema, codec=None, custom_scalars=scalars),
        from_schema(schema, codec=None, custom_scalars=scalars, mode=Mode.NEGATIVE),
    )
    callers = st.sampled_from([None, target.world.host_token])

    @settings(
        max_examples=examples, deadline=None, database=None, derandomize=fixed, suppress_health_check=list(HealthCheck)
    )
    @given(operation=operations, token=callers)
    def survives(operation: str, token: str | None) -> None:
        target.send(json.dumps({"query": operation}), token)

    survives()


def test_generated_operations_never_break_the_gateway(target: Target) -> None:
    fuzz(target, examples=200, fixed=True)


@pytest.mark.slow
def test_thousands_of_fresh_operations_never_break_the_gateway(target: Target) -> None:
    fuzz(target, examples=4000, fixed=False)
