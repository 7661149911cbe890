"""`commons serve --demo` with COMMONS_SMTP_HOST/PORT pointing at an SMTP server delivers an invitation's email
within 10 seconds of `inviteMember` (waiting on the server's arrival signal; the 10 seconds bound the wait)."""

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import serving, smtp_env
from tests.notifications.support import Inbox

pytestmark = pytest.mark.e2e

SIGN_IN = 'mutation { signIn(email: "host@example.org", password: "practice-commons", forApi: true) { token } }'
NETWORKS = "{ networks { edges { node { id name } } } }"
INVITE = 'mutation($n: ID!) { inviteMember(networkId: $n, email: "newcomer@example.org") { id } }'


def _graphql(url: str, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
    headers = {"content-type": "application/json"} | ({"authorization": f"Bearer {token}"} if token else {})
    body = json.dumps({"query": query, "variables": variables}).encode()
    with urllib.request.urlopen(urllib.request.Request(f"{url}/graphql", body, headers), timeout=10) as answer:
        data = json.load(answer)
    assert not data.get("errors"), data
    return data["data"]


def test_the_demo_mails_an_invitation_within_ten_seconds(tmp_path: Path, mail: Inbox) -> None:
    with serving(tmp_path, smtp_env(mail.port), "--demo") as url:
        token = _graphql(url, SIGN_IN)["signIn"]["token"]
        [network] = [e["node"] for e in _graphql(url, NETWORKS, token)["networks"]["edges"]]
        invitation = _graphql(url, INVITE, token, n=network["id"])["inviteMember"]["id"]
        message = mail.arrival("newcomer@example.org", "invites you", within_seconds=10)
    assert f"{url}/invitations/{invitation}" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert network["name"] in message["Subject"]
