"""A public network's host lets in the member who asked to join, from the network's page in a real browser."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e
NETWORK = "Open Facilitators Commons"


def host_opens_public_network(page: Page, network: str = NETWORK) -> None:
    page.goto("/networks")
    page.get_by_text("Start a new network").click()
    page.get_by_label("Name").fill(network)
    page.get_by_label("Public: anyone may ask to join").check()
    page.get_by_role("button", name="Create network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(network)
    expect(page.get_by_text("No one is waiting to join.")).to_be_visible()


def member_asks_to_join(page: Page, network: str = NETWORK) -> None:
    page.goto("/networks")
    page.get_by_role("link", name=network).click()
    expect(page.get_by_text("You are not a member of this network.")).to_be_visible()
    page.get_by_label("A note for the hosts (optional)").fill("I host a circle in Bristol.")
    page.get_by_role("button", name="Ask to join").click()
    expect(page.get_by_text("Your request has gone to the hosts.")).to_be_visible()


def test_a_host_approves_a_join_request_and_the_member_is_in(chromium: Browser, server: str, screenshots: Path) -> None:
    host, member = person(chromium, server).new_page(), person(chromium, server).new_page()
    try:
        sign_up(host, "Hollis Host", "hollis@example.org")
        host_opens_public_network(host)
        sign_up(member, "Bea Bristol", "bea@example.org")
        member_asks_to_join(member)
        host.reload()
        expect(host.get_by_text("I host a circle in Bristol.")).to_be_visible()
        host.screenshot(path=screenshots / "join-requests.png", full_page=True)
        host.get_by_role("button", name="Approve Bea Bristol").click()
        expect(host.get_by_role("status").filter(has_text="Bea Bristol: approved")).to_be_visible()
        member.reload()
        expect(member.get_by_role("heading", name="Members")).to_be_visible()
        expect(member.get_by_role("link", name="Hollis Host")).to_be_visible()
        # Members see the network's life, not tools that would only refuse them.
        expect(member.get_by_role("region", name="Harvests")).to_contain_text("No harvest published yet.")
        expect(member.get_by_text(re.compile("^Hosts: invite"))).to_have_count(0)
        expect(host.get_by_text(re.compile("^Hosts: invite"))).to_be_visible()
    finally:
        host.context.close()
        member.context.close()
