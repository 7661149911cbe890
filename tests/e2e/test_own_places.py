"""A member's profile, a local group's page and a peer group's space show the stories shared there that the viewer
may read (issue 16, places with their own life); the server decides what is readable, tested in
tests/knowledge/test_places_own_stories.py."""

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_accessibility import signed_in
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


def test_a_peer_groups_space_lists_its_stories_to_its_members_only(chromium: Browser, demo: str) -> None:
    """In the demo, Amara, Ben and Chen are the Tuesday peers; Hana hosts their network, Dana is a member of it."""
    amara, ben = person(chromium, demo).new_page(), person(chromium, demo).new_page()
    outsiders = {email: person(chromium, demo).new_page() for email in ("host@example.org", "dana@example.org")}
    try:
        signed_in(amara, "amara@example.org")
        writes_a_story(amara, "My peer group Tuesday peers", "What the circle heard", "We listened, no advice.")
        signed_in(ben, "ben@example.org")
        ben.goto("/peer-groups")
        ben.get_by_role("link", name="Tuesday peers").click()
        ours = ben.get_by_role("region", name="Our stories")
        expect(ours.get_by_role("link", name="What the circle heard")).to_be_visible()
        for email, page in outsiders.items():
            signed_in(page, email)
            page.goto(ben.url)
            expect(page.get_by_role("heading", level=1)).to_have_text("This page could not be shown")
            expect(page.get_by_role("alert")).to_contain_text("No such peer group")
            expect(page.get_by_text("What the circle heard")).to_have_count(0)
    finally:
        for page in (amara, ben, *outsiders.values()):
            page.context.close()
