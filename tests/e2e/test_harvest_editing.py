"""A host edits a harvest's title and summary from its page (issue 16: editing and safety)."""

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e


def test_a_host_edits_a_harvests_title_and_summary(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Hana Harvester", "hana@example.org")
        page.goto("/networks")
        page.get_by_text("Start a new network").click()
        page.get_by_label("Name").fill("Gleaners Network")
        page.get_by_role("button", name="Create network").click()
        page.goto("/harvests")
        page.get_by_text("Hosts: start a harvest of a gathering").click()
        page.get_by_label("Title").fill("Café on gleaning")
        page.get_by_role("button", name="Start harvest").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Café on gleaning")

        page.get_by_text("Edit title and summary").click()
        changes = page.get_by_role("form", name="Harvest title and summary")
        changes.get_by_label("Title").fill("Café on gleaning, together")
        changes.get_by_label("Summary").fill("What we **gathered**.")
        changes.get_by_role("button", name="Save changes").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Café on gleaning, together")
        expect(page.locator(".lead strong")).to_have_text("gathered")
    finally:
        page.context.close()
