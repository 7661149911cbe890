"""A member's profile shows the stories they shared that the viewer may read (issue 16, places with their own
life); the server decides what is readable, tested in tests/knowledge/test_places_own_stories.py."""

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_finding_your_way import shares_a_story
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e


def test_a_profile_lists_the_stories_its_member_shared(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Pia Placemaker", "pia@example.org")
        shares_a_story(page, "Circles by the river", "We met where the river bends.")
        page.goto("/networks")
        page.get_by_role("link", name="Wayfinders Network").first.click()
        page.get_by_role("link", name="Pia Placemaker").click()
        stories = page.get_by_role("region", name="Stories Pia Placemaker shared")
        stories.get_by_role("link", name="Circles by the river").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Circles by the river")
    finally:
        page.context.close()
