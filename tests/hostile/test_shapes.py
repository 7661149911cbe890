"""Hostile request shapes: too big, too deep, too wide, bombs of aliases, fragments and batches.

Each is refused with a clear 4xx (or answered) without a 5xx, a masked internal error or a trace; how fast is
bench's business (`bench/hostile.py`).
"""

import json

import pytest

from tests.hostile.conftest import Target

NETWORK_HOPS = "network { localGroups { edges { node { "


def test_a_body_over_the_limit_is_refused_with_or_without_a_declared_length(target: Target) -> None:
    too_big = json.dumps({"query": "{ me { name } }", "pad": "x" * 1_100_000}).encode()
    declared = target.send(too_big)
    streamed = target.api.http.post(
        "/graphql", content=iter([too_big[:500_000], too_big[500_000:]]), headers={"content-type": "application/json"}
    )
    assert (declared.status_code, streamed.status_code) == (413, 413)


def test_a_huge_string_variable_just_under_the_limit_is_answered(target: Target) -> None:
    query = 'mutation($d: String!) { createNetwork(name: "Big", description: $d) { id } }'
    target.send(json.dumps({"query": query, "variables": {"d": "y" * 900_000}}), target.world.host_token)


def test_depth_hidden_in_fragments_is_refused(target: Target) -> None:
    fragments = [f"fragment F{i} on LocalGroup {{ {NETWORK_HOPS}...F{i + 1} }} }} }} }} }}" for i in range(12)]
    fragments.append("fragment F12 on LocalGroup { name }")
    query = "query($id: ID!) { localGroup(id: $id) { ...F0 } } " + " ".join(fragments)
    body = target.graphql(query, {"id": target.world.ids["LocalGroup"]})
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


def test_a_very_wide_query_is_refused(target: Target) -> None:
    answer = target.send(json.dumps({"query": "{ " + "me { name email } " * 3000 + "}"}))
    assert answer.status_code == 400


def test_a_fragment_fan_out_bomb_is_refused_by_its_count_before_any_rule_expands_it(target: Target) -> None:
    # Each fragment spreads the previous one twice: 2^18 selections if expanded naively, from 700 bytes.
    fragments = ["fragment B0 on Account { name }"]
    fragments += [f"fragment B{i} on Account {{ ...B{i - 1} ...B{i - 1} }}" for i in range(1, 19)]
    answer = target.send(json.dumps({"query": "{ me { ...B18 } } " + " ".join(fragments)}), target.world.host_token)
    body = answer.json()
    assert "data" not in body, body  # refused before it ran
    assert (
        body["errors"][0]["message"]
        == f"The query expands to more than {target.api.runtime.settings.max_fields} fields."
    )


def test_aliases_multiplied_through_fragments_are_refused(target: Target) -> None:
    aliases = " ".join(f"a{i}: name" for i in range(20))
    query = "{ x: me { ...A } y: me { ...A } } fragment A on Account { " + aliases + " }"
    assert "aliases" in target.graphql(query)["errors"][0]["message"]


@pytest.mark.parametrize("size", [2, 1000])
def test_batched_operations_are_refused(target: Target, size: int) -> None:
    answer = target.send(json.dumps([{"query": "{ me { name } }"}] * size))
    assert answer.status_code == 400


@pytest.mark.parametrize("where", ["body", "variables"])
def test_deeply_nested_json_is_refused(target: Target, where: str) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    body = nested if where == "body" else '{"query": "{ me { name } }", "variables": {"v": ' + nested + "}}"
    assert target.send(body).status_code == 400
