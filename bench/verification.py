"""Benchmarks and tests set their community up through the public flow: a member signs up, follows the
verification link the served app emailed (read as its recipient would: from the letter in the email outbox, or,
once the embedded sender has sent it, from its .eml file under the data dir), and signs in."""

import re
import time
from email import message_from_bytes, policy
from pathlib import Path

import httpx
from sqlalchemy import select

from infra.database import Database
from infra.settings import Settings
from services.notifications.mail import FileDrop, sender_for
from services.notifications.tables import Email

SIGN_UP = "mutation($e: String!, $p: String!, $n: String!) { signUp(email: $e, password: $p, name: $n) { email } }"
SIGN_IN = (
    "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, forApi: true) { token account { id } } }"
)
VERIFY = "mutation($t: String!) { verifyEmail(token: $t) { id } }"
TOKEN = re.compile(r"/verify-email\?token=([A-Za-z0-9_-]+)")
LINK_TOKEN = re.compile(r"token=([A-Za-z0-9_-]+)")
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


async def emailed_token(db: Database, settings: Settings, account_id: str, purpose: str) -> str:
    """The token of the latest link of this purpose ("verify", "reset") emailed to the account."""
    async with db.sessions() as session:
        query = (
            select(Email.key, Email.letter)
            .where(Email.recipient_id == account_id, Email.key.startswith(f"account:{purpose}:"))
            .order_by(Email.queued_at.desc())
        )
        row = (await session.execute(query)).first()
    assert row is not None, f"no {purpose} link was emailed"
    key, letter = row
    text = letter["path"] if letter else _sent_text(settings, key)
    found = LINK_TOKEN.search(text)
    assert found, f"the {purpose} email holds no link"
    return found.group(1)


def _sent_text(settings: Settings, key: str) -> str:
    drop = sender_for(settings)
    assert isinstance(drop, FileDrop), "a sent letter is read back from the .eml folder only"
    message = message_from_bytes(drop.path_of(key).read_bytes(), policy=policy.default)
    return message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
