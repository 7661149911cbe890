"""Talking to the gateway as a client would: real HTTP requests through the Starlette app, in process."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from starlette.testclient import TestClient

from commons.runtime import Runtime
from infra.settings import Settings
from services.gateway.app import create_app
from tests.support.mailbox import emailed_token

PASSWORD = "a long enough password"
SIGN_UP = "mutation($e: String!, $p: String!, $n: String!) { signUp(email: $e, password: $p, name: $n) { email } }"
SIGN_IN = (
    "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, forApi: true) { token account { id } } }"
)
VERIFY = "mutation($t: String!) { verifyEmail(token: $t) { id } }"


class GraphQLFailed(AssertionError):
    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(error["message"] for error in errors))
        self.errors = errors


@dataclass
class Member:
    """A signed-in API client: an account with its bearer token."""

    client: "Gateway"
    id: str
    email: str
    name: str
    token: str

    def run(self, query: str, **variables: Any) -> dict[str, Any]:
        return self.client.run(query, token=self.token, **variables)

    def fails(self, query: str, **variables: Any) -> list[dict[str, Any]]:
        return self.client.fails(query, token=self.token, **variables)


class Gateway:
    def __init__(self, http: TestClient, runtime: Runtime) -> None:
        self.http = http
        self.runtime = runtime
        self.count = 0

    def post(self, query: str, variables: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        response = self.http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        assert response.status_code < 500, response.text
        return response.json()

    def run(self, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
        body = self.post(query, variables, token)
        if body.get("errors"):
            raise GraphQLFailed(body["errors"])
        return body["data"]

    def fails(self, query: str, token: str | None = None, **variables: Any) -> list[dict[str, Any]]:
        body = self.post(query, variables, token)
        assert body.get("errors"), f"expected errors, got {body}"
        return body["errors"]

    def sign_up(self, name: str, email: str | None = None, verify: bool = True) -> Member:
        """Signs up, signs in, and (unless told not to) follows the verification link the sign-up emailed."""
        self.count += 1
        email = email or f"{name.split()[0].lower()}{self.count}@example.org"
        self.run(SIGN_UP, e=email, p=PASSWORD, n=name)
        member = self.sign_in(email, name)
        if verify:
            self.run(VERIFY, t=self.emailed_token(member.id, "verify"))
        return member

    def sign_in(self, email: str, name: str, password: str = PASSWORD) -> Member:
        data = self.run(SIGN_IN, e=email, p=password)["signIn"]
        return Member(self, data["account"]["id"], email, name, data["token"])

    def emailed_token(self, account_id: str, purpose: str) -> str:
        """The token of the latest link of this purpose emailed to the account, as its letter says."""
        return self.http.portal.call(emailed_token, self.runtime, account_id, purpose)


@contextmanager
def gateway(settings: Settings) -> Iterator[Gateway]:
    runtime = Runtime(settings)
    with TestClient(create_app(runtime), raise_server_exceptions=False) as http:
        yield Gateway(http, runtime)
