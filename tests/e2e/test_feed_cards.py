"""A feed card says how many comments and reactions its story, resource or harvest has (issue 16: a feed people
read), as the demo's member Amara sees it; which responses count is tested in tests/feeds/test_response_counts.py."""

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_accessibility import signed_in
from tests.e2e.test_journey import person

pytestmark = pytest.mark.e2e


def test_feed_cards_count_comments_and_reactions(chromium: Browser, demo: str) -> None:
    page = person(chromium, demo).new_page()
    try:
        signed_in(page, "amara@example.org")
        cards = page.get_by_role("list", name="Feed items").get_by_role("listitem")
        counted = cards.get_by_text(re.compile(r"^\d+ comments? · \d+ reactions?$"))
        expect(counted.first).to_be_visible()
    finally:
        page.context.close()
