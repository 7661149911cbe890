"""A member's profile and a local group's page show the stories shared there that the viewer may read (issue 16,
places with their own life); the server decides what is readable, tested in
tests/knowledge/test_places_own_stories.py."""

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_finding_your_way import founds_a_network, shares_a_story, writes_a_story
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


def test_a_local_group_page_lists_the_stories_shared_with_it(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Lou Localist", "lou@example.org")
        founds_a_network(page, "Riverside Network")
        page.get_by_text("Hosts: invite").click()
        page.get_by_label("Name", exact=True).last.fill("Riverside chapter")
        page.get_by_role("button", name="Create local group").click()
        page.get_by_role("button", name="Join Riverside chapter").click()
        expect(page.get_by_text("You joined Riverside chapter.")).to_be_visible()
        group = page.url
        writes_a_story(page, "My local group", "Riverside listens", "We met by the weir.")
        page.goto(group)
        shared = page.get_by_role("region", name="Stories shared here")
        expect(shared.get_by_role("link", name="Riverside listens")).to_be_visible()
    finally:
        page.context.close()
