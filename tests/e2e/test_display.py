"""What the browser shows: GraphiQL loads from the server itself under the strict CSP (no CDN), and runs a query
for a stranger and for a signed-in member (whose POSTs carry the CSRF token); a story written in Markdown shows
its words, not its marks, in search snippets, and a harvest's Markdown summary reads as a page."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_attacker_on_demo import until
from tests.e2e.test_finding_your_way import founds_a_network, writes_a_story
from tests.e2e.test_harvest_editing import starts_a_harvest
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e


def runs_typename_in_graphiql(page: Page) -> None:
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto("/graphql", wait_until="load")
    run = page.get_by_role("button", name="Execute query (Ctrl-Enter)")
    run.click()
    expect(page.locator(".result-window")).to_contain_text('"__typename": "Query"')
    assert refused == []


def test_graphiql_renders_and_runs_a_query_offline(chromium: Browser, server: str) -> None:
    stranger, member = person(chromium, server), person(chromium, server)
    # Everything but the server is unreachable, as offline: a CDN request would fail the page.
    for context in (stranger, member):
        context.route(lambda url: not url.startswith(server), lambda route: route.abort())
    try:
        runs_typename_in_graphiql(stranger.new_page())
        page = member.new_page()
        sign_up(page, "Gita Graphiql", "gita@example.org")
        runs_typename_in_graphiql(page)
    finally:
        stranger.close()
        member.close()


def finds_its_snippet(page: Page, words: str) -> bool:
    """Searching again until the server's indexer has caught up with the story."""
    page.goto(f"/search?q={words}")
    expect(page.get_by_text(re.compile(r"^\d+ results?"))).to_be_visible()
    return page.locator(".snippet").count() > 0


def test_a_markdown_story_and_harvest_summary_show_as_text(chromium: Browser, server: str) -> None:
    page = person(chromium, server).new_page()
    try:
        sign_up(page, "Maren Markdown", "maren@example.org")
        founds_a_network(page, "Marginalia Network")
        writes_a_story(
            page,
            "The whole network",
            "Rounds that worked",
            "We **really** *listened* to the [Zanzibeth guide](https://example.org).",
        )
        until(lambda: finds_its_snippet(page, "Zanzibeth"), "the story indexed")
        snippet = page.locator(".snippet").first
        expect(snippet).to_contain_text("We really listened to the Zanzibeth guide")
        assert not any(mark in snippet.inner_text() for mark in ("**", "*listened*", "]("))

        starts_a_harvest(page, "Café on listening", "We **heard** the [Zanzibeth guide](https://example.org).")
        expect(page.locator(".lead strong")).to_have_text("heard")
        expect(page.get_by_role("link", name="Zanzibeth guide")).to_have_attribute("href", "https://example.org")
        # Only the hosts' closed "Edit title and summary" form holds the Markdown as written.
        expect(page.get_by_text("**heard**").filter(visible=True)).to_have_count(0)
    finally:
        page.context.close()
