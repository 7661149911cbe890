"""Actions that take effect at once say what they did, and say so when nothing changed (offline): a reaction."""

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_finding_your_way import shares_a_story
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e


def test_a_reaction_says_when_it_is_saved_and_when_it_is_not(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Fern Feedback", "fern@example.org")
        shares_a_story(page, "Feedback rounds", "We say what we heard.")
        reactions = page.get_by_role("group", name="Reactions")
        reactions.get_by_role("button", name="Thanks 0").click()
        expect(reactions.get_by_role("status")).to_have_text("Thanks added.")
        expect(reactions.get_by_role("button", name="Thanks 1")).to_have_attribute("aria-pressed", "true")

        page.context.set_offline(True)
        reactions.get_by_role("button", name="Resonates 0").click()
        expect(reactions.get_by_role("status")).to_have_text(
            "Not saved: The server cannot be reached; check your connection and try again."
        )
        expect(reactions.get_by_role("button", name="Resonates 0")).to_have_attribute("aria-pressed", "false")
        page.context.set_offline(False)
        reactions.get_by_role("button", name="Thanks 1").click()
        expect(reactions.get_by_role("status")).to_have_text("Thanks taken back.")
    finally:
        page.context.close()
