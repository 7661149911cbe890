"""The app on a phone and with the keyboard alone; its session cookie, CSRF token and content security policy."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_journey import sign_up

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"
PHONE_PAGES = (("/feed", "phone-feed"), ("/stories/new", "phone-share-story"), ("/networks", "phone-networks"))
SIDEWAYS = "document.documentElement.scrollWidth > window.innerWidth"
# A mutation sent from the page with the session cookie but without the CSRF token.
NO_CSRF = """async () => (await fetch('/graphql', {method: 'POST', headers: {'content-type': 'application/json'},
  body: JSON.stringify({query: 'mutation { createNetwork(name: "Sneaky") { id } }'})})).status"""


def keyboard_sign_up(page: Page) -> None:
    page.goto("/sign-up")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.get_by_label("Your name").focus()
    page.keyboard.type("Kim Keys")
    page.keyboard.press("Tab")
    page.keyboard.type("kim@example.org")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Check your email")).to_be_visible()
    page.goto("/sign-in")
    page.get_by_label("Email").focus()
    page.keyboard.type("kim@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Your learning feed")
    expect(heading).to_be_focused()


def test_keyboard_and_phone(chromium: Browser, server: str, screenshots: Path) -> None:
    context = chromium.new_context(base_url=server, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        keyboard_sign_up(page)
        for path, name in PHONE_PAGES:
            page.goto(path)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            assert not page.evaluate(SIDEWAYS), f"{path} scrolls sideways on a phone"
            page.screenshot(path=screenshots / f"{name}.png", full_page=True)
        page.get_by_role("button", name="Menu").click()  # on a phone the navigation folds behind it
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
        page.goto("/feed")
        expect(page).to_have_url(re.compile(r"/sign-in\?next=%2Ffeed$"))
    finally:
        context.close()


def test_cookie_csrf_and_content_security_policy(chromium: Browser, server: str) -> None:
    context = chromium.new_context(base_url=server)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    try:
        response = page.goto("/sign-up")
        policy = response.headers["content-security-policy"] if response else ""
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert page.locator("script:not([src]), style, [style]").count() == 0
        sign_up(page, "Sam Safe", "sam@example.org")
        session = next(c for c in context.cookies() if c["name"] == "commons_session")
        assert session["httpOnly"] and session["sameSite"] == "Lax"
        assert page.evaluate("document.cookie").count("commons_session") == 0
        assert page.evaluate(NO_CSRF) == 403
        assert not [text for text in console if "Content Security Policy" in text]
    finally:
        context.close()
