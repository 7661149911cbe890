"""A stranger finds their way without the README: signs up, is welcomed with next steps, finds a public network
from the welcome, asks to join, is let in, follows a practice area and writes a first story from the feed."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_join_requests import host_opens_public_network
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e
NETWORK = "Newcomers Welcome Network"


def test_a_stranger_signs_up_joins_and_writes_a_first_story(chromium: Browser, server: str, screenshots: Path) -> None:
    host, stranger = person(chromium, server).new_page(), person(chromium, server).new_page()
    try:
        sign_up(host, "Nell Host", "nell@example.org")
        host_opens_public_network(host, NETWORK)
        sign_up(stranger, "Noor Newcomer", "newcomer.noor@example.org")
        welcome = stranger.get_by_role("region", name="Welcome, Noor Newcomer")
        expect(welcome.get_by_text("To do: Find a network and ask to join")).to_be_attached()
        stranger.screenshot(path=screenshots / "welcome.png", full_page=True)
        welcome.get_by_role("link", name=NETWORK).click()
        stranger.get_by_role("button", name="Ask to join").click()
        expect(stranger.get_by_text("Your request has gone to the hosts.")).to_be_visible()

        host.reload()
        host.get_by_role("button", name="Approve Noor Newcomer").click()
        expect(host.get_by_role("status").filter(has_text="Noor Newcomer: approved")).to_be_visible()

        stranger.get_by_role("link", name="Feed").click()
        expect(welcome.get_by_text("Done: Find a network and ask to join")).to_be_attached()
        area = welcome.get_by_role("group", name="Areas to follow").get_by_role("checkbox").first
        area.check()
        expect(stranger.locator("#announcer")).to_have_text(re.compile("^Following "))
        stranger.get_by_text("Write a story for your community").click()
        stranger.get_by_role("group", name="Who can read it?").get_by_label(re.compile("The whole network")).check()
        stranger.get_by_label("Title").fill("My first circle")
        stranger.get_by_label("Your story").fill("Hello from a newcomer: we met by the river.")
        stranger.get_by_role("button", name="Share story").click()
        expect(stranger.get_by_role("heading", level=1)).to_have_text("My first circle")
    finally:
        host.context.close()
        stranger.context.close()
