"""Every page the demo's people can reach, at a desktop's and a phone's width, has no serious or critical
axe-core violation and every visible control on it is reached by Tab: pages are found by following the app's own
links, one page per route."""

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from commons.demo import PASSWORD
from tests.e2e.accessibility import severe_violations, unreachable_by_keyboard
from tests.e2e.conftest import serving

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

WIDTHS = {"desktop": 1280, "phone": 375}
PEOPLE = {"a stranger": None, "a member": "amara@example.org", "a host": "host@example.org"}
# Paths that leave the app or end the visit; ids in paths are one route.
NOT_PAGES = re.compile(r"^/(static|graphql|metrics|healthz|readyz)|\.(ics|csv|zip|eml)$")
AN_ID = re.compile(r"/[0-9a-f]{8}-[0-9a-f-]{27}")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("commons-a11y"), {}, "--demo") as url:
        yield url


def shown(page: Page, path: str) -> None:
    page.goto(path)
    expect(page.locator("main:not([aria-busy])")).to_be_attached()
    expect(page.locator("main h1").first).to_be_visible()


def links(page: Page) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    here = urlsplit(page.url).netloc
    return [
        urlsplit(href).path + (f"?{urlsplit(href).query}" if urlsplit(href).query else "")
        for href in hrefs
        if urlsplit(href).netloc == here and not NOT_PAGES.search(urlsplit(href).path)
    ]


def signed_in(page: Page, email: str) -> None:
    shown(page, "/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your learning feed")


def crawl(page: Page, start: str) -> dict[str, list[str]]:
    """Each route reachable from `start` by links, once, with what axe found there."""
    found: dict[str, list[str]] = {}
    waiting, routes = [start], set()
    while waiting:
        path = waiting.pop(0)
        route = AN_ID.sub("/:id", urlsplit(path).path)
        if route in routes:
            continue
        routes.add(route)
        shown(page, path)
        found[path] = severe_violations(page) + [
            f"not reached by Tab: {html}" for html in unreachable_by_keyboard(page)
        ]
        waiting += links(page)
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("person", PEOPLE)
def test_every_page_has_no_serious_accessibility_violation(
    chromium: Browser, demo: str, person: str, width: str, screenshots: Path
) -> None:
    context = chromium.new_context(base_url=demo, viewport={"width": WIDTHS[width], "height": 900})
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        email = PEOPLE[person]
        if email:
            signed_in(page, email)
        visited = crawl(page, "/feed" if email else "/")
        failing = {path: problems for path, problems in visited.items() if problems}
        assert len(visited) >= (10 if email else 3), sorted(visited)
        assert failing == {}, "\n".join(
            f"{path}: {problem}" for path, problems in failing.items() for problem in problems
        )
    finally:
        context.close()
