"""Every query and mutation of the live schema, called by outsiders with the ids of things hidden from them.

Outsiders must learn nothing: no confidential text in any answer, only NOT_FOUND / FORBIDDEN / UNAUTHENTICATED
when they point at a hidden entity, and exactly the answer a made-up id gets, so existence does not leak.
"""

import itertools
import json
import uuid
from typing import Any

from graphql import GraphQLField

from tests.support.graphql import PASSWORD, Gateway
from tests.support.live_schema import live_schema, root_fields
from tests.support.operations import Filler, operation
from tests.support.world import SECRETS, World

HIDDEN_ENTITY_ERRORS = {"NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"}
# Refusals that can't reveal anything, for fields that point at no entity (e.g. a wrong password).
PLAIN_ERRORS = HIDDEN_ENTITY_ERRORS | {"BAD_USER_INPUT", "CONFLICT", "RATE_LIMITED"}
# Leaks this sweep found that the owning service has yet to fix. Listed, not hidden: the test fails when one
# disappears (remove it then) and when a new one appears.
KNOWN_FINDINGS: dict[str, list[str]] = {}
TEXTS = {"role": "host", "password": PASSWORD, "practiceAreas": "hosting"}
serial = itertools.count()


def _text(arg_name: str) -> str:
    if arg_name == "email":
        return f"sweep{next(serial)}@example.org"
    return TEXTS.get(arg_name, "Sweep text")


def _post(api: Gateway, keyword: str, name: str, field: GraphQLField, ids: dict[str, str], token: str | None) -> Any:
    document, variables = operation(keyword, name, field, Filler(ids, _text))
    headers = {"authorization": f"Bearer {token}"} if token else {}
    api.http.cookies.clear()  # only the bearer token says who asks, never a cookie an earlier call set
    response = api.http.post("/graphql", json={"query": document, "variables": variables}, headers=headers)
    return response.status_code, response.text, response.json() if response.status_code < 500 else {}


def _fingerprint(body: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((e.get("extensions", {}).get("code", ""), e["message"]) for e in body.get("errors") or [])


def _problems(api: Gateway, world: World, keyword: str, name: str, field: GraphQLField, token: str | None) -> list:
    status, text, body = _post(api, keyword, name, field, world.ids, token)
    found = [f"{status}"] if status >= 500 else []
    found += [f"shows {secret!r}" for secret in SECRETS if secret in text]
    points_at_entity = any(t.name == "ID" for a in field.args.values() if (t := _named(a.type)))
    codes = {code for code, _ in _fingerprint(body)}
    if codes - (HIDDEN_ENTITY_ERRORS if points_at_entity else PLAIN_ERRORS):
        found.append(f"errors {_fingerprint(body)}")
    if points_at_entity:
        made_up = {kind: str(uuid.uuid4()) for kind in world.ids}
        _, _, unknown = _post(api, keyword, name, field, made_up, token)
        if _fingerprint(unknown) != _fingerprint(body):
            found.append(f"answers {_fingerprint(body)} but {_fingerprint(unknown)} for a made-up id")
    return found


def _named(kind: Any) -> Any:
    while hasattr(kind, "of_type"):
        kind = kind.of_type
    return kind


def test_outsiders_learn_nothing_from_any_query_or_mutation(api: Gateway, world: World) -> None:
    fields = root_fields(live_schema(api))
    # Signing out ends the caller's session, so it goes last.
    ordered = sorted(fields.items(), key=lambda item: (item[1][0] == "mutation", item[0].endswith(".signOut")))
    report = {}
    for caller, token in world.outsiders.items():
        for path, (keyword, field) in ordered:
            if problems := _problems(api, world, keyword, path.split(".")[1], field, token):
                report[f"{path} as {caller}"] = problems
    assert report == KNOWN_FINDINGS, json.dumps(report, indent=1)


def test_the_same_queries_show_the_host_what_outsiders_must_not_see(api: Gateway, world: World) -> None:
    queries = [(path, field) for path, (keyword, field) in root_fields(live_schema(api)).items() if keyword == "query"]
    seen = "".join(_post(api, "query", p.split(".")[1], field, world.ids, world.host_token)[1] for p, field in queries)
    reachable = ("Quillfeather Circle", "Quillfeather Leeds", "quillfeather private bio", "Ivy Quillinsider")
    assert [secret for secret in reachable if secret not in seen] == []
