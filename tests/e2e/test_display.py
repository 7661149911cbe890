"""What the browser shows: GraphiQL loads from the server itself under the strict CSP (no CDN), and runs a query
for a stranger and for a signed-in member (whose POSTs carry the CSRF token)."""

import pytest
from playwright.sync_api import Browser, Page, expect

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
