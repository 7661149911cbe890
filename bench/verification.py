"""Benchmarks set their community up through the public flow: a member signs up, follows the verification link
the served app wrote as an .eml file under its data dir (no SMTP settings), and signs in."""

import re
import time
from email import message_from_bytes, policy
from pathlib import Path

import httpx

SIGN_UP = "mutation($e: String!, $p: String!, $n: String!) { signUp(email: $e, password: $p, name: $n) { email } }"
SIGN_IN = (
    "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, forApi: true) { token account { id } } }"
)
VERIFY = "mutation($t: String!) { verifyEmail(token: $t) { id } }"
TOKEN = re.compile(r"/verify-email\?token=([A-Za-z0-9_-]+)")
# The embedded mail job runs every couple of seconds.
MAIL_WAIT_SECONDS = 30.0


def _post(http: httpx.Client, query: str, **variables: str) -> dict[str, object]:
    body = http.post("/graphql", json={"query": query, "variables": variables}).json()
    if body.get("errors"):
        raise RuntimeError(f"setting up failed: {body['errors']}")
    return body["data"]


def _verification_token(data_dir: Path, email: str) -> str:
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while time.monotonic() < deadline:
        for path in (data_dir / "outbox-mail").glob("account-verify-*.eml"):
            message = message_from_bytes(path.read_bytes(), policy=policy.default)
            if message["To"] == email and (found := TOKEN.search(message.get_body(("plain",)).get_content())):  # type: ignore[union-attr]
                return found.group(1)
        time.sleep(0.2)
    raise RuntimeError(f"no verification email for {email} within {MAIL_WAIT_SECONDS:.0f}s")


def verified_member(http: httpx.Client, data_dir: Path, email: str, name: str, password: str) -> tuple[str, str]:
    """(account id, bearer token) of a new member whose address is verified."""
    _post(http, SIGN_UP, e=email, p=password, n=name)
    _post(http, VERIFY, t=_verification_token(data_dir, email))
    signed = _post(http, SIGN_IN, e=email, p=password)["signIn"]
    return signed["account"]["id"], signed["token"]  # type: ignore[index]
