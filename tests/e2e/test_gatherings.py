"""A host schedules a gathering with one seat; a member RSVPs from the network's page and sees they are going,
the host's yes joins the waiting list and moves up when the host makes room for two, and the member's .ics link
downloads the gathering as a VCALENDAR. The host harvests it with an action for the member, which the next
gathering's agenda carries and the member marks done there."""

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


def host_schedules(page: Page, title: str = TITLE, day: str = "2031-05-01") -> None:
    page.goto("/networks")
    page.get_by_role("link", name=NETWORK).click()
    page.get_by_role("link", name="Hosts: schedule a gathering").click()
    page.get_by_label("Kind").select_option("WORLD_CAFE")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Starts").fill(f"{day}T18:00")
    page.get_by_label("Ends").fill(f"{day}T20:00")
    page.get_by_label("Place").fill("Leeds Central Library")
    page.get_by_label("Agenda").fill("Three café rounds, then we harvest together.")
    page.get_by_label("Capacity").fill("1")
    page.get_by_role("button", name="Schedule gathering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def harvest_with_an_action_for(page: Page, owner: str) -> None:
    """On the gathering's page: its harvest, with an action the owner is to follow up, published."""
    page.get_by_role("button", name="Harvest this gathering").click()
    actions = page.get_by_role("region", name="Actions")
    actions.get_by_text("Add to Actions").click()
    actions.get_by_label("New item for Actions").fill("Try one harvesting round in York")
    actions.get_by_label("Owner").select_option(label=owner)
    actions.get_by_label("Due on").fill("2031-05-20")
    actions.get_by_role("button", name="Add item").click()
    expect(page.get_by_text(f"Owner: {owner}, due 2031-05-20")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Publish harvest").click()
    expect(page.get_by_role("button", name="Publish harvest")).to_have_count(0)


def test_a_member_rsvps_and_downloads_the_ics(chromium: Browser, server: str, screenshots: Path) -> None:
    host, member = person(chromium, server).new_page(), person(chromium, server).new_page()
    try:
        sign_up(host, "Gwen Gatherer", "gwen@example.org")
        host_opens_public_network(host, NETWORK)
        sign_up(member, "Milo Member", "milo.member@example.org")
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

        harvest_with_an_action_for(host, "Milo Member")
        host_schedules(host, "Leeds alumni meeting", "2031-06-01")
        member.goto(host.url)
        expect(member.get_by_text("Try one harvesting round in York")).to_be_visible()
        member.get_by_role("button", name="Mark done").click()
        expect(member.get_by_role("status").filter(has_text="done")).to_be_visible()
    finally:
        host.context.close()
        member.context.close()
