"""A host edits a harvest's title and summary from its page (issue 16: editing and safety)."""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_finding_your_way import founds_a_network
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e


def starts_a_harvest(page: Page, title: str, summary: str) -> None:
    """As a host of the network just founded."""
    page.goto("/harvests")
    page.get_by_text("Hosts: start a harvest of a gathering").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Summary").fill(summary)
    page.get_by_role("button", name="Start harvest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_a_host_edits_a_harvests_title_and_summary(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Hana Harvester", "harvester@example.org")
        founds_a_network(page, "Gleaners Network")
        starts_a_harvest(page, "Café on gleaning", "")

        page.get_by_text("Edit title and summary").click()
        changes = page.get_by_role("form", name="Harvest title and summary")
        changes.get_by_label("Title").fill("Café on gleaning, together")
        changes.get_by_label("Summary").fill("What we **gathered**.")
        changes.get_by_role("button", name="Save changes").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Café on gleaning, together")
        expect(page.locator(".lead strong")).to_have_text("gathered")
    finally:
        page.context.close()
