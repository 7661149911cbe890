"""The bell in the header counts unread notifications live: it rises while the author looks at another page as a
member comments on their story, and falls when the author reads the notification."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_join_requests import host_opens_public_network, member_asks_to_join
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e
LIVE_MS = 30_000
# A network of its own: the e2e server is shared, and the join-request test opens one named as the helper's default.
BELL_NETWORK = "Bell Ringers Commons"
STORY = "The circle that met in the library"


def writes_story(page: Page) -> str:
    page.goto("/stories/new")
    page.get_by_role("group", name="Who can read it?").get_by_label(re.compile("The whole network")).check()
    page.get_by_label("Title").fill(STORY)
    page.get_by_label("Your story").fill("Twelve of us, one long table, no agenda.")
    page.get_by_role("button", name="Share story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(STORY)
    return page.url


def test_the_bell_rises_live_on_a_comment_and_falls_once_read(
    chromium: Browser, server: str, screenshots: Path
) -> None:
    author, member = person(chromium, server).new_page(), person(chromium, server).new_page()
    try:
        sign_up(author, "Noor Author", "noor@example.org")
        host_opens_public_network(author, BELL_NETWORK)
        sign_up(member, "Ravi Reader", "ravi@example.org")
        member_asks_to_join(member, BELL_NETWORK)
        author.reload()
        author.get_by_role("button", name="Approve Ravi Reader").click()
        story = writes_story(author)
        author.get_by_role("link", name="Feed").click()
        bell = author.locator("#bell")
        expect(bell.locator("#unread-count")).to_have_text("0")
        expect(bell).to_have_attribute("data-live", "true")

        member.goto(story)
        member.get_by_label("Your comment").fill("We tried this in Bristol too!")
        member.get_by_role("button", name="Add comment").click()
        expect(member.get_by_role("status").filter(has_text="Comment added.")).to_be_visible()

        # Pushed live (the author's page never reloaded): relay, consumer and push, given a loaded machine's time.
        expect(bell.locator("#unread-count")).to_have_text("1", timeout=LIVE_MS)
        expect(author.get_by_role("heading", level=1)).to_have_text("Your learning feed")
        bell.click()
        told = author.get_by_role("link", name="Ravi Reader commented on your story")
        expect(told).to_have_attribute("href", story.removeprefix(server))
        author.screenshot(path=screenshots / "notifications.png", full_page=True)
        author.get_by_role("button", name="Mark read: “Ravi Reader commented on your story”").click()
        expect(bell.locator("#unread-count")).to_have_text("0")
        author.reload()
        expect(author.locator("#unread-count")).to_have_text("0")
    finally:
        author.context.close()
        member.context.close()
