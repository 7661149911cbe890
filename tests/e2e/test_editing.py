"""An author edits their story and withdraws it: the withdrawal asks first (declining changes nothing), and a
withdrawn story says who can still read it and offers nothing more to do with it."""

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_finding_your_way import shares_a_story
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e


def test_an_author_edits_then_withdraws_a_story_after_confirming(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Edda Editor", "edda@example.org")
        shares_a_story(page, "Rounds in the rain", "We met under the awning.")
        page.get_by_text("Edit your story").click()
        page.get_by_label("Title").fill("Rounds in the rain, again")
        page.get_by_label("Your story").fill("We met under the **big** awning.")
        page.get_by_role("button", name="Save changes").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Rounds in the rain, again")
        expect(page.locator(".prose strong")).to_have_text("big")
        expect(page.get_by_text("edited 1\N{MULTIPLICATION SIGN}")).to_be_visible()

        page.get_by_text("Share wider or withdraw").click()
        page.once("dialog", lambda dialog: dialog.dismiss())
        page.get_by_role("button", name="Withdraw this story everywhere").click()
        expect(page.get_by_role("button", name="Withdraw this story everywhere")).to_be_enabled()
        expect(page.get_by_text(re.compile("^Withdrawn"))).to_have_count(0)

        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Withdraw this story everywhere").click()
        expect(
            page.get_by_text("Withdrawn: only you can read it now; search and feeds have dropped it.")
        ).to_be_visible()
        expect(page.get_by_text("Who can read it: only you")).to_be_visible()
        expect(page.get_by_text("Share wider or withdraw")).to_have_count(0)
        expect(page.get_by_text("Edit your story")).to_have_count(0)
    finally:
        page.context.close()
