"""The sweep: every query and mutation of the live schema, called with the ids of the world's hidden things, and
what each answer shows that its caller must not learn."""

import itertools
import uuid
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLField

from tests.support.graphql import PASSWORD, Gateway
from tests.support.live_schema import live_schema, root_fields
from tests.support.operations import Filler, operation
from tests.support.world import (
    LATE_JOINER_KINDS,
    LATE_JOINER_SECRETS,
    NETWORK_KINDS,
    NETWORK_SECRETS,
    PEER_GROUP_KINDS,
    PEER_GROUP_NAME,
    PEER_GROUP_SECRETS,
    SECRETS,
    World,
)

HIDDEN_ENTITY_ERRORS = {"NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"}
# Refusals that can't reveal anything, for fields that point at no entity (e.g. a wrong password).
PLAIN_ERRORS = HIDDEN_ENTITY_ERRORS | {"BAD_USER_INPUT", "CONFLICT", "RATE_LIMITED"}
# Searching for the world's own word makes search show whatever the caller can reach of it.
TEXTS = {"role": "host", "password": PASSWORD, "practiceAreas": "hosting", "query": "quillfeather"}
serial = itertools.count()


@dataclass(frozen=True)
class Unseen:
    """What a caller must not learn: any of `texts`, or whether the ids of `kinds` (None: every kind) exist."""

    texts: tuple[str, ...] = SECRETS
    kinds: frozenset[str] | None = None


OUTSIDER = Unseen()
# A member of the network outside the peer group: the network may answer them, the group's space may not.
FELLOW_MEMBER = Unseen(PEER_GROUP_SECRETS, PEER_GROUP_KINDS)
# A host or coordinator outside the peer group: hosts form groups and propose members, coordinators watch that
# groups keep meeting, so a group's existence and name are theirs to know; nothing said or kept in it is.
NETWORK_STAFF = Unseen(tuple(s for s in PEER_GROUP_SECRETS if s != PEER_GROUP_NAME), PEER_GROUP_KINDS - {"PeerGroup"})
# A member of a connected network: what the network publishes may reach them; its inside and its groups' may not.
CONNECTED_MEMBER = Unseen((*NETWORK_SECRETS, *PEER_GROUP_SECRETS), NETWORK_KINDS | PEER_GROUP_KINDS)
# A member seated in the peer group after its secrets were said: what was said before their seat stays hidden.
LATE_JOINER = Unseen(LATE_JOINER_SECRETS, LATE_JOINER_KINDS)


def _text(arg_name: str) -> str:
    if arg_name == "email":
        return f"sweep{next(serial)}@example.org"
    return TEXTS.get(arg_name, "Sweep text")


def _wrong_password(arg_name: str) -> str:
    return "not the password" if arg_name == "password" else _text(arg_name)


def _post(api: Gateway, keyword: str, name: str, field: GraphQLField, ids: dict[str, str], token: str | None) -> Any:
    # Deleting the account is swept through its refusal: the caller's later calls need their account.
    text = _wrong_password if name == "deleteMyAccount" else _text
    document, variables = operation(keyword, name, field, Filler(ids, text))
    headers = {"authorization": f"Bearer {token}"} if token else {}
    api.http.cookies.clear()  # only the bearer token says who asks, never a cookie an earlier call set
    response = api.http.post("/graphql", json={"query": document, "variables": variables}, headers=headers)
    return response.status_code, response.text, response.json() if response.status_code < 500 else {}


def _fingerprint(body: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((e.get("extensions", {}).get("code", ""), e["message"]) for e in body.get("errors") or [])


def _problems(
    api: Gateway, world: World, keyword: str, name: str, field: GraphQLField, token: str | None, unseen: Unseen
) -> list:
    status, text, body = _post(api, keyword, name, field, world.ids, token)
    found = [f"{status}"] if status >= 500 else []
    found += [f"shows {secret!r}" for secret in unseen.texts if secret in text]
    made_up = {kind: str(uuid.uuid4()) for kind in world.ids if unseen.kinds is None or kind in unseen.kinds}
    points_at_hidden = bool(_pointed_at(name, field) & made_up.keys())
    codes = {code for code, _ in _fingerprint(body)}
    if codes - (HIDDEN_ENTITY_ERRORS if points_at_hidden else PLAIN_ERRORS):
        found.append(f"errors {_fingerprint(body)}")
    if points_at_hidden:
        _, _, unknown = _post(api, keyword, name, field, world.ids | made_up, token)
        if _fingerprint(unknown) != _fingerprint(body):
            found.append(f"answers {_fingerprint(body)} but {_fingerprint(unknown)} for a made-up id")
    return found


def _pointed_at(name: str, field: GraphQLField) -> set[str]:
    """The kinds of entity the field's ID arguments name."""
    kind_of = Filler({}, _text).id_kind
    return {kind_of(name, arg, _named(field.type)) for arg, a in field.args.items() if _named(a.type).name == "ID"}


def _named(kind: Any) -> Any:
    while hasattr(kind, "of_type"):
        kind = kind.of_type
    return kind


def sweep(api: Gateway, world: World, callers: dict[str, Any], unseen: Unseen) -> dict[str, list[str]]:
    """What each answer gave away, as "<field> as <caller>" -> problems, for every root field and caller."""
    fields = root_fields(live_schema(api))
    # Signing out ends the caller's session, so it goes last.
    ordered = sorted(fields.items(), key=lambda item: (item[1][0] == "mutation", item[0].endswith(".signOut")))
    report = {}
    for caller, token in callers.items():
        for path, (keyword, field) in ordered:
            if problems := _problems(api, world, keyword, path.split(".")[1], field, token, unseen):
                report[f"{path} as {caller}"] = problems
    return report


def seen_by(api: Gateway, world: World, token: str) -> str:
    """Everything every query answers the caller, as one text."""
    queries = [(path, field) for path, (keyword, field) in root_fields(live_schema(api)).items() if keyword == "query"]
    return "".join(_post(api, "query", p.split(".")[1], field, world.ids, token)[1] for p, field in queries)
