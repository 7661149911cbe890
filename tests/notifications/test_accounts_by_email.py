"""Accounts by email, against a real SMTP server: an invitation reaches its address and only the verified owner of
that address joins by it; a password is reset by a single-use, expiring link that ends every other session; sign-up
answers the same whether or not the address has an account, and the owner hears of the attempt by email."""

import re
from email.message import EmailMessage

from infra.database import Database
from infra.settings import Settings
from tests.notifications.support import PUBLIC, Inbox, pipeline
from tests.support.graphql import PASSWORD, SIGN_UP, VERIFY, Gateway, gateway

CREATE = 'mutation { createNetwork(name: "Quill Network") { id } }'
INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT = "mutation($i: ID!) { acceptInvitation(id: $i) { id name } }"
MINE = "{ myInvitations { id } }"
NETWORK = "query($n: ID!) { network(id: $n) { name } }"
ASK_RESET = "mutation($e: String!) { requestPasswordReset(email: $e) }"
RESET = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p, forApi: true) { token } }"
ME = "{ me { id } }"
NEW_PASSWORD = "a brand new passphrase"


def _text(mail: EmailMessage) -> str:
    return mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def _token(mail: EmailMessage, path: str) -> str:
    found = re.search(re.escape(f"{PUBLIC}{path}?token=") + r"([A-Za-z0-9_-]+)", _text(mail))
    assert found, _text(mail)
    return found.group(1)


def _code(errors: list[dict[str, object]]) -> object:
    return errors[0]["extensions"]["code"]  # type: ignore[index]


def _ended(api: Gateway, token: str) -> bool:
    return api.fails(ME, token=token)[0]["message"] == "That token is not valid; sign in again."


async def test_an_invitation_reaches_its_address_and_its_verified_owner_joins_by_it(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    host = api.sign_up("Hana Host")
    network = host.run(CREATE)["createNetwork"]["id"]
    invitation = host.run(INVITE, n=network, e="Dana.Novak@Example.org")["inviteMember"]["id"]
    await pipeline(database, settings)
    [invited] = inbox.to("dana.novak@example.org")
    assert f"{PUBLIC}/invitations/{invitation}" in _text(invited) and "Quill Network" in invited["Subject"]

    api.run(SIGN_UP, e="dana.novak@example.org", p=PASSWORD, n="Dana Novak")
    dana = api.sign_in("dana.novak@example.org", "Dana Novak")
    assert _code(dana.fails(ACCEPT, i=invitation)) == "FORBIDDEN"  # not verified yet
    await pipeline(database, settings)
    [verification] = [m for m in inbox.to("dana.novak@example.org") if "Confirm" in m["Subject"]]
    api.run(VERIFY, t=_token(verification, "/verify-email"))
    assert dana.run(MINE)["myInvitations"] == [{"id": invitation}]
    stranger = api.sign_up("Sam Stranger")
    assert _code(stranger.fails(ACCEPT, i=invitation)) == "NOT_FOUND"
    assert dana.run(ACCEPT, i=invitation)["acceptInvitation"]["name"] == "Quill Network"
    assert dana.run(NETWORK, n=network)["network"]["name"] == "Quill Network"
    assert _code(stranger.fails(NETWORK, n=network)) == "NOT_FOUND"


async def test_whoever_signs_up_first_with_an_address_in_other_letters_cannot_claim_its_invitation(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    host = api.sign_up("Hana Host")
    network = host.run(CREATE)["createNetwork"]["id"]
    invitation = host.run(INVITE, n=network, e="dana@example.org")["inviteMember"]["id"]
    impostor = api.sign_up("Ivo Impostor", "DANA@Example.org", verify=False)
    assert impostor.run(MINE)["myInvitations"] == []
    assert _code(impostor.fails(ACCEPT, i=invitation)) == "FORBIDDEN"
    # The owner's own sign-up answers as any other; the email tells her the address has an account.
    api.run(SIGN_UP, e="dana@example.org", p=NEW_PASSWORD, n="Dana Novak")
    assert api.run(ASK_RESET, e="dana@example.org")["requestPasswordReset"] is True
    inbox.messages.clear()
    await pipeline(database, settings)
    subjects = sorted(m["Subject"] for m in inbox.to("dana@example.org"))
    assert subjects[-1] == "Someone tried to sign up with your address" and len(subjects) == 4
    [reset] = [m for m in inbox.to("dana@example.org") if "Reset" in m["Subject"]]
    dana = api.run(RESET, t=_token(reset, "/reset-password"), p=NEW_PASSWORD)["resetPassword"]["token"]
    assert _ended(api, impostor.token)
    assert api.run(ACCEPT, token=dana, i=invitation)["acceptInvitation"]["name"] == "Quill Network"


async def test_a_reset_link_works_once_ends_every_session_and_expires(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    ada = api.sign_up("Ada Lovelace", "ada@example.org")
    laptop = api.sign_in("ada@example.org", "Ada Lovelace")
    assert api.run(ASK_RESET, e="ada@example.org")["requestPasswordReset"] is True
    assert api.run(ASK_RESET, e="nobody@example.org")["requestPasswordReset"] is True
    inbox.messages.clear()
    await pipeline(database, settings)
    assert inbox.to("nobody@example.org") == []
    [mail] = [m for m in inbox.to("ada@example.org") if "Reset" in m["Subject"]]
    token = _token(mail, "/reset-password")
    weak = api.fails(RESET, t=token, p="password1234")
    assert _code(weak) == "BAD_USER_INPUT"  # and the link still works
    fresh = api.run(RESET, t=token, p=NEW_PASSWORD)["resetPassword"]["token"]
    assert _ended(api, ada.token) and _ended(api, laptop.token)
    assert api.run(ME, token=fresh)["me"] == {"id": ada.id}
    again = api.fails(RESET, t=token, p="yet another long passphrase")
    assert again[0]["message"].startswith("That link is not valid any more")
    assert api.sign_in("ada@example.org", "Ada Lovelace", NEW_PASSWORD).id == ada.id

    with gateway(settings.model_copy(update={"reset_link_minutes": 0})) as hasty:
        hasty.run(ASK_RESET, e="ada@example.org")
        inbox.messages.clear()
        await pipeline(database, settings)
        [late] = inbox.to("ada@example.org")
        expired = hasty.fails(RESET, t=_token(late, "/reset-password"), p="yet another long passphrase")
    assert expired[0]["message"].startswith("That link is not valid any more")


async def test_an_applicant_hears_that_their_join_request_was_decided(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    host = api.sign_up("Hana Host")
    network = host.run('mutation { createNetwork(name: "Open Circle", isPublic: true) { id } }')["createNetwork"]["id"]
    chen = api.sign_up("Chen Wei")
    asked = chen.run("mutation($n: ID!) { requestToJoin(networkId: $n) { id } }", n=network)["requestToJoin"]["id"]
    host.run("mutation($r: ID!) { decideJoinRequest(id: $r, approve: true) { status } }", r=asked)
    await pipeline(database, settings)
    [news] = chen.run("{ notifications(first: 5) { edges { node { kind text path } } } }")["notifications"]["edges"]
    assert news["node"]["kind"] == "JOIN_REQUEST_DECIDED" and "Open Circle was approved" in news["node"]["text"]
    assert news["node"]["path"] == f"/networks/{network}"
    assert any("Open Circle was approved" in m["Subject"] for m in inbox.to(chen.email))
