"""Accounts as people meet them: sign-up rules, sign-in, tokens, cookies with CSRF, rate limits."""

import pytest

from infra.settings import Settings
from tests.support.graphql import PASSWORD, Gateway, gateway

SIGN_UP = 'mutation($e: String!, $p: String!) { signUp(email: $e, password: $p, name: "A") { email message } }'
SIGN_IN = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { account { name } } }"
SIGN_IN_API = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, forApi: true) { token } }"


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("not-an-email", PASSWORD, "That is not a valid email address."),
        ("a@b", PASSWORD, "That is not a valid email address."),
        ("ok@example.org", "short", "A password needs 10 to 256 characters."),
        (
            "ok@example.org",
            "password1234",
            "That password is too easy to guess. This is a very common password. "
            "Add another word or two. Uncommon words are better.",
        ),
        (
            "ok@example.org",
            "ok@example.org!",
            "That password is too easy to guess. Add another word or two. Uncommon words are better.",
        ),
    ],
)
def test_sign_up_refuses_bad_input(api: Gateway, email: str, password: str, message: str) -> None:
    [error] = api.fails(SIGN_UP, e=email, p=password)
    assert (error["message"], error["extensions"]["code"]) == (message, "BAD_USER_INPUT")


def test_an_email_has_one_account_and_sign_up_does_not_tell_whether_it_exists(api: Gateway) -> None:
    amara = api.sign_up("Amara", email="amara@example.org")
    taken = api.run(SIGN_UP, e="Amara@Example.org", p="another long passphrase")["signUp"]
    fresh = api.run(SIGN_UP, e="Zed@Example.org", p="another long passphrase")["signUp"]
    assert taken["message"] == fresh["message"]
    assert api.fails(SIGN_IN_API, e="amara@example.org", p="another long passphrase")
    assert api.sign_in("amara@example.org", "Amara").id == amara.id


def test_sign_in_with_a_token_and_sign_out_ends_it(api: Gateway) -> None:
    api.sign_up("Ben Carter", email="ben@example.org")
    token = api.run(SIGN_IN_API, e="ben@example.org", p=PASSWORD)["signIn"]["token"]
    assert api.run("{ me { name email } }", token=token)["me"] == {"name": "Ben Carter", "email": "ben@example.org"}
    assert api.run("mutation { signOut }", token=token)["signOut"] is True
    response = api.http.post(
        "/graphql", json={"query": "{ me { name } }"}, headers={"authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401


def test_wrong_password_and_forged_tokens(api: Gateway) -> None:
    api.sign_up("Chen Wei", email="chen@example.org")
    [error] = api.fails(SIGN_IN, e="chen@example.org", p="not the password")
    assert error["message"] == "Wrong email or password."
    [unknown] = api.fails(SIGN_IN, e="nobody@example.org", p=PASSWORD)
    assert unknown["message"] == "Wrong email or password."
    forged = api.http.post("/graphql", json={"query": "{ me { name } }"}, headers={"authorization": "Bearer forged"})
    assert forged.status_code == 401
    assert forged.json()["errors"][0]["message"] == "That token is not valid; sign in again."


def test_sign_in_attempts_are_rate_limited_per_account(api: Gateway) -> None:
    api.sign_up("Dana Novak", email="dana@example.org")
    for _ in range(10):
        api.fails(SIGN_IN, e="dana@example.org", p="wrong password!")
    [error] = api.fails(SIGN_IN, e="dana@example.org", p=PASSWORD)
    assert error["extensions"]["code"] == "RATE_LIMITED"


def test_browser_sessions_use_an_httponly_cookie_and_need_the_csrf_token(api: Gateway) -> None:
    api.sign_up("Eli Haddad", email="eli@example.org")
    response = api.http.post("/graphql", json={"query": SIGN_IN, "variables": {"e": "eli@example.org", "p": PASSWORD}})
    cookies = response.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("commons_session="))
    assert "HttpOnly" in session and "SameSite=Lax" in session
    csrf = api.http.cookies["commons_csrf"]
    me = {"query": "{ me { name } }"}
    without = api.http.post("/graphql", json=me)
    with_token = api.http.post("/graphql", json=me, headers={"x-csrf-token": csrf})
    assert without.status_code == 403
    assert with_token.json() == {"data": {"me": {"name": "Eli Haddad"}}}
    assert api.http.get("/graphql", params=me).json() == {"data": {"me": {"name": "Eli Haddad"}}}


def test_sign_in_attempts_are_rate_limited_per_address(settings: Settings) -> None:
    with gateway(settings.model_copy(update={"sign_in_attempts_per_address_minute": 5})) as api:
        for index in range(5):
            api.fails(SIGN_IN, e=f"guess{index}@example.org", p="wrong password!")
        api.run(SIGN_UP, e="fay@example.org", p=PASSWORD)
        [error] = api.fails(SIGN_IN, e="fay@example.org", p=PASSWORD)
    assert error["message"] == "Too many sign-in attempts; wait a minute and try again."


def test_sign_ups_are_limited_per_address(settings: Settings) -> None:
    with gateway(settings.model_copy(update={"sign_ups_per_address_hour": 3})) as api:
        for index in range(3):
            api.sign_up("Gus Berg", email=f"gus{index}@example.org")
        [error] = api.fails(SIGN_UP, e="gus3@example.org", p=PASSWORD)
        assert (error["message"], error["extensions"]["code"]) == (
            "Too many new accounts from your address; try again in an hour.",
            "RATE_LIMITED",
        )
        assert api.run("{ me { id } }", token=None)["me"] is None


def test_changes_need_a_signed_in_member(api: Gateway) -> None:
    [error] = api.fails('mutation { createNetwork(name: "Nobody\'s") { id } }')
    assert (error["message"], error["extensions"]["code"]) == ("Sign in first.", "UNAUTHENTICATED")
    assert api.run("{ networks { totalCount } }")["networks"]["totalCount"] == 0
