"""A host schedules a gathering with one seat; a member RSVPs from the network's page and sees they are going,
the host's yes joins the waiting list and moves up when the host makes room for two, and the member's .ics link
downloads the gathering as a VCALENDAR."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_join_requests import host_opens_public_network, member_asks_to_join
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e
NETWORK = "Gathering Hosts Commons"
TITLE = "Leeds World Café on learning that travels"


def shown(text: str) -> str:
    """The text as the app typesets it: apostrophes curled."""
    return text.replace("'", "\u2019")


def host_schedules(page: Page) -> None:
    page.get_by_role("link", name="Hosts: schedule a gathering").click()
    page.get_by_label("Kind").select_option("WORLD_CAFE")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Starts").fill("2031-05-01T18:00")
    page.get_by_label("Ends").fill("2031-05-01T20:00")
    page.get_by_label("Place").fill("Leeds Central Library")
    page.get_by_label("Agenda").fill("Three café rounds, then we harvest together.")
    page.get_by_label("Capacity").fill("1")
    page.get_by_role("button", name="Schedule gathering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_a_member_rsvps_and_downloads_the_ics(chromium: Browser, server: str, screenshots: Path) -> None:
    host, member = person(chromium, server).new_page(), person(chromium, server).new_page()
    try:
        sign_up(host, "Gwen Gatherer", "gwen@example.org")
        host_opens_public_network(host, NETWORK)
        sign_up(member, "Milo Member", "milo@example.org")
        member_asks_to_join(member, NETWORK)
        host.reload()
        host.get_by_role("button", name="Approve Milo Member").click()
        expect(host.get_by_role("status").filter(has_text="Milo Member: approved")).to_be_visible()
        host_schedules(host)

        member.reload()
        member.get_by_role("link", name=TITLE).click()
        expect(member.get_by_text(shown("You haven't answered yet."))).to_be_visible()
        member.get_by_role("button", name=shown("I'm going")).click()
        expect(member.locator(".rsvp-state")).to_have_text(shown("You're going."))
        host.reload()
        host.get_by_role("button", name="Join the waiting list").click()
        expect(host.locator(".rsvp-state")).to_have_text(shown("You're on the waiting list, number 1."))
        host.get_by_role("link", name="Edit").click()
        host.get_by_label("Capacity").fill("2")
        host.get_by_role("button", name="Save changes").click()
        expect(host.locator(".rsvp-state")).to_have_text(shown("You're going."))
        member.reload()
        expect(member.get_by_text("2 of 2 going")).to_be_visible()
        member.screenshot(path=screenshots / "gathering.png", full_page=True)

        with member.expect_download() as download:
            member.get_by_role("link", name="Add to your calendar (.ics)").click()
        calendar = Path(download.value.path()).read_text()
        assert calendar.startswith("BEGIN:VCALENDAR") and TITLE in calendar.replace("\r\n ", "")
    finally:
        host.context.close()
        member.context.close()
