"""Sending hostile requests and checking the answers: never a 5xx, a masked internal error or a leak."""

import json
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from infra.settings import Settings
from tests.support.graphql import Gateway
from tests.support.live_schema import internal_errors, leaks
from tests.support.world import World, build_world


@dataclass
class Target:
    api: Gateway
    world: World
    backend: str

    def attempt(self, body: str, token: str | None = None) -> tuple[str | None, dict[str, Any]]:
        """What went wrong with the answer to this body (None when it survived), and the answer's JSON."""
        try:
            return None, self.send(body, token).json()
        except AssertionError as problem:
            return str(problem).splitlines()[0], {}

    def send(self, body: bytes | str, token: str | None = None, **headers: str) -> httpx.Response:
        headers = {"content-type": "application/json", **headers}
        if token:
            headers["authorization"] = f"Bearer {token}"
        self.api.http.cookies.clear()
        response = self.api.http.post("/graphql", content=body, headers=headers)
        assert_survived(response, body if isinstance(body, str) else body.decode("utf-8", "replace"))
        return response

    def graphql(self, query: str, variables: dict[str, Any] | None = None, as_host: bool = True) -> dict[str, Any]:
        token = self.world.host_token if as_host else None
        return self.send(json.dumps({"query": query, "variables": variables or {}}), token).json()


def assert_survived(response: httpx.Response, sent: str) -> None:
    assert response.status_code < 500, f"{response.status_code} for {sent[:300]!r}: {response.text[:500]}"
    assert not leaks(response.text, sent), f"leaked {leaks(response.text, sent)} for {sent[:300]!r}"
    if response.headers.get("content-type", "").startswith("application/"):
        assert not internal_errors(response.json()), f"internal error for {sent[:300]!r}"


@pytest.fixture
def target(api: Gateway, settings: Settings) -> Target:
    """The world of the authorization sweep: its host's calls reach past "not found" into real data."""
    return Target(api, build_world(api), "sqlite" if settings.is_sqlite else "postgresql")


def expect_known(findings: dict[str, str], backend: str, case: str, problems: list[str]) -> None:
    """Known findings (case -> backends and owner) must still fail, visibly as xfail; anything else must pass."""
    known = findings.get(case, "")
    if backend not in known.split(":")[0]:
        assert not problems, "\n".join(problems)
        return
    assert problems, f"the known finding {case!r} no longer happens on {backend}: remove it from the list"
    pytest.xfail(f"known finding on {backend}: {known.split(':', 1)[1].strip()} ({len(problems)} calls)")
