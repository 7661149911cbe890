"""A member's data rights in the browser: on their profile page they download an archive of their data, then
delete their account (a wrong password is refused, and nothing changes), after which they cannot sign in."""

import json
import zipfile

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_journey import PASSWORD, person, sign_up

pytestmark = pytest.mark.e2e


def test_a_member_downloads_their_data_then_deletes_their_account(chromium: Browser, server: str) -> None:
    context = person(chromium, server)
    page = context.new_page()
    try:
        sign_up(page, "Dara Datarights", "dara@example.org")
        page.goto("/profile")
        yours = page.get_by_role("region", name="Your data")
        yours.get_by_role("button", name="Prepare my data").click()
        with page.expect_download() as downloaded:
            yours.get_by_role("link", name="Download your data").click()
        with zipfile.ZipFile(downloaded.value.path()) as archive:
            assert json.loads(archive.read("accounts/account.json"))[0]["email"] == "dara@example.org"
        leaving = page.get_by_role("form", name="Delete your account")
        leaving.get_by_label("Your password").fill("not the password at all")
        leaving.get_by_role("button", name="Delete my account").click()
        expect(leaving.get_by_role("alert")).to_contain_text("not your password")
        leaving.get_by_label("Your password").fill(PASSWORD)
        leaving.get_by_role("button", name="Delete my account").click()
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")).to_be_visible()
        page.goto("/sign-in")
        page.get_by_label("Email").fill("dara@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_contain_text("Wrong email or password")
    finally:
        context.close()
