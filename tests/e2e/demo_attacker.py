"""Talking to a served `commons serve --demo` as its demo people and a stranger do, over real HTTP.

Every answer to someone outside the demo peer group is checked for the group's confidential words."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from commons.demo import PASSWORD
from services.peer_groups.demo import GOALS

# What the demo group says among itself during the test: each text carries this mark.
MARK = "Tuesday-confidential"
# Seeded in the demo group: its members' plan goals, and the story the stranger (outside the network) never reads.
GROUP_SECRETS = (MARK, *(title for title, _ in GOALS))
STORY = ("When the board chair walked out", "What I did next, and what I would do differently.")
NETWORK = ("Leadership Alumni Network", "Alumni of the leadership programmes")
SIGN_IN = (
    "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, forApi: true) { token account { id } } }"
)
SIGN_UP = "mutation($e: String!, $p: String!, $n: String!) { signUp(email: $e, password: $p, name: $n) { email } }"
CLEAR_CODES = {
    "BAD_REQUEST",
    "BAD_USER_INPUT",
    "NOT_FOUND",
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "RATE_LIMITED",
    "TOO_COSTLY",
    "GRAPHQL_VALIDATION",
    "GRAPHQL_PARSE_FAILED",
}


def clean(response: httpx.Response, secrets: tuple[str, ...]) -> httpx.Response:
    """The response, once it is shown to be a clear answer that holds none of `secrets`."""
    assert response.status_code < 500, f"{response.status_code}: {response.text[:500]}"
    assert "Traceback" not in response.text, response.text[:500]
    if response.headers.get("content-type", "").startswith("application/"):
        errors = response.json().get("errors") or []
        assert {error.get("extensions", {}).get("code") for error in errors} <= CLEAR_CODES, errors
    leaked = [secret for secret in secrets if secret in response.text]
    assert not leaked, f"leaked {leaked}: {response.text[:500]}"
    return response


@dataclass
class Caller:
    """A signed-in API client; `secrets` are the words none of its answers may hold."""

    http: httpx.Client
    id: str
    token: str
    secrets: tuple[str, ...] = ()

    def answer(self, query: str, **variables: Any) -> dict[str, Any]:
        self.http.cookies.clear()
        headers = {"authorization": f"Bearer {self.token}"}
        sent = self.http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        return clean(sent, self.secrets).json()

    def run(self, query: str, **variables: Any) -> dict[str, Any]:
        body = self.answer(query, **variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]

    def refused(self, query: str, **variables: Any) -> list[tuple[str, str]]:
        """The refusal's messages and codes (failing when the call succeeds)."""
        errors = self.answer(query, **variables).get("errors")
        assert errors, f"{query} was not refused"
        return [(error["message"], error["extensions"]["code"]) for error in errors]


def sign_in(http: httpx.Client, email: str, password: str = PASSWORD) -> dict[str, Any]:
    http.cookies.clear()
    return clean(http.post("/graphql", json={"query": SIGN_IN, "variables": {"e": email, "p": password}}), ()).json()


def signed_in(http: httpx.Client, email: str, secrets: tuple[str, ...] = ()) -> Caller:
    signed = sign_in(http, email)["data"]["signIn"]
    return Caller(http, signed["account"]["id"], signed["token"], secrets)


@dataclass
class Demo:
    """The served demo: its people, and the ids an attacker would learn or guess."""

    url: str
    data_dir: Path
    http: httpx.Client
    host: Caller
    amara: Caller
    ben: Caller
    dana: Caller
    stranger: Caller
    ids: dict[str, str] = field(default_factory=dict)


def opened(url: str, data_dir: Path, http: httpx.Client) -> Demo:
    """Signs the demo people in (the host, Dana of the network but not the group) and a stranger up."""
    outside = GROUP_SECRETS
    people = {name: f"{name}@example.org" for name in ("host", "amara", "ben", "dana")}
    callers = {
        name: signed_in(http, email, () if name in ("amara", "ben") else outside) for name, email in people.items()
    }
    sign_up = {"e": "sam@example.net", "p": "a stranger's long password", "n": "Sam Stranger"}
    clean(http.post("/graphql", json={"query": SIGN_UP, "variables": sign_up}), ())
    signed = sign_in(http, sign_up["e"], sign_up["p"])["data"]["signIn"]
    stranger = Caller(http, signed["account"]["id"], signed["token"], outside + STORY + NETWORK)
    return Demo(url, data_dir, http, **callers, stranger=stranger)
