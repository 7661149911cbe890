"""Finding one's way as a member: the header's search box, searches whose words and filters live in the address
(shareable, reloadable, back-button safe), a helpful empty result, the phone's menu, and the app's own "not found"."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_attacker_on_demo import until
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e


def founds_a_network(page: Page, name: str) -> None:
    page.goto("/networks")
    page.get_by_text("Start a new network").click()
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Create network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def writes_a_story(page: Page, audience: str, title: str, body: str) -> None:
    """`audience`: how the audience's choice begins, e.g. "The whole network" or "My local group"."""
    page.goto("/stories/new")
    page.get_by_role("group", name="Who can read it?").get_by_label(re.compile(audience)).check()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Your story").fill(body)
    page.get_by_role("button", name="Share story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def shares_a_story(page: Page, title: str, body: str) -> None:
    founds_a_network(page, "Wayfinders Network")
    writes_a_story(page, "The whole network", title, body)


def searched_from_the_header(page: Page, words: str) -> bool:
    page.goto("/feed")
    page.get_by_role("searchbox", name="Search Practice Commons").fill(words)
    page.get_by_role("searchbox", name="Search Practice Commons").press("Enter")
    expect(page.get_by_text(re.compile(r"^\d+ results?"))).to_be_visible()
    return page.get_by_role("list", name="Search results").get_by_role("link").count() > 0


def test_search_from_the_header_keeps_words_and_filters_in_the_address(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Wanda Wayfinder", "wanda@example.org")
        shares_a_story(page, "Quillwort circles", "How our quillwort circle kept its rhythm.")
        until(lambda: searched_from_the_header(page, "quillwort"), "the story found from the header")
        assert page.url.endswith("/search?q=quillwort")
        page.get_by_role("group", name="Kind").get_by_label(re.compile("Story")).check()
        expect(page).to_have_url(re.compile(r"/search\?q=quillwort&kinds=story$"))
        page.reload()
        expect(page.get_by_role("group", name="Kind").get_by_label(re.compile("Story"))).to_be_checked()
        expect(page.get_by_role("searchbox", name=re.compile("Search stories"))).to_have_value("quillwort")
        page.go_back()
        expect(page).to_have_url(re.compile(r"/search\?q=quillwort$"))
        page.get_by_role("searchbox", name=re.compile("Search stories")).fill("xylophonic zebras")
        page.get_by_role("searchbox", name=re.compile("Search stories")).press("Enter")
        expect(page.get_by_text("Nothing matches “xylophonic zebras” in what you can read.")).to_be_visible()
        expect(page.get_by_role("link", name="join a network")).to_be_visible()
    finally:
        page.context.close()


def test_a_phone_folds_the_menu_and_an_unknown_path_is_the_apps_own_page(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Philo Phone", "philo@example.org")
        page.set_viewport_size({"width": 375, "height": 800})
        menu = page.get_by_role("button", name="Menu")
        expect(page.get_by_role("link", name="Harvests")).to_be_hidden()
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.get_by_role("link", name="Harvests").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Harvest"))
        expect(page.get_by_role("link", name="Harvests")).to_be_hidden()
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        page.goto("/no-such-place/here")
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(page.get_by_role("link", name="Go to the start page")).to_be_visible()
    finally:
        page.context.close()
