"""Issue 15 in a real browser: a coordinator defines a scheme, a member applies answering its screening question,
the coordinator approves the application and sees the live dashboard's charts (SVG drawn from its figures)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_join_requests import host_opens_public_network, member_asks_to_join
from tests.e2e.test_journey import person, sign_up

pytestmark = pytest.mark.e2e
# A network of its own: the e2e server is shared between tests.
NETWORK = "Mentoring Schemes Commons"
ANSWER = "A merger is coming this spring and I lead the team through it"


def defines_scheme(page: Page, network_id: str) -> None:
    page.goto(f"/coordinator/{network_id}")
    page.get_by_text("Define a mentoring scheme").click()
    page.get_by_label("Name").fill("Next leaders")
    page.get_by_label("Type").select_option("one_to_one")
    page.get_by_label("Aims").fill("Diverse talented people reach senior leaders")
    page.get_by_label("Length in months").fill("6")
    page.get_by_label("Who may take part").fill("Part-time workers")
    page.get_by_label("The mentoring agreement").fill("We meet monthly.\nThe mentee sets the agenda.")
    page.get_by_label("Screening questions").fill("Why now?")
    page.get_by_role("button", name="Create scheme").click()
    expect(page.get_by_role("heading", name="Next leaders")).to_be_visible()


def applies(page: Page, network_id: str, role: str = "mentee") -> None:
    page.goto(f"/networks/{network_id}")
    page.get_by_role("link", name="Mentoring schemes you can apply to").click()
    page.get_by_role("link", name="Next leaders").click()
    expect(page.get_by_text("Part-time workers")).to_be_visible()
    expect(page.get_by_text("The mentee sets the agenda.")).to_be_visible()
    page.get_by_label("I apply as").select_option(role)
    page.get_by_label("My goals").fill("Lead my team well")
    page.get_by_label("Why now?").fill(ANSWER)
    page.get_by_label("I meet who may take part, above").check()
    page.get_by_role("button", name="Apply").click()
    expect(
        page.get_by_role("status").filter(has_text=f"You applied as a {role}: waiting for a coordinator")
    ).to_be_visible()


def chart_bars(page: Page, caption: str) -> list[int]:
    figure = page.locator("figure.chart").filter(has=page.locator("figcaption", has_text=caption))
    expect(figure.locator("svg")).to_be_visible()
    return [
        int(width or 0)
        for width in figure.locator("svg rect.bar").evaluate_all("rs => rs.map(r => r.getAttribute('width'))")
    ]


def test_a_member_applies_and_the_coordinator_approves_and_sees_the_dashboard(
    chromium: Browser, server: str, screenshots: Path
) -> None:
    host, member = person(chromium, server).new_page(), person(chromium, server).new_page()
    try:
        sign_up(host, "Cora Coordinator", "cora@example.org")
        host_opens_public_network(host, NETWORK)
        network_id = host.url.rstrip("/").rsplit("/", 1)[1]
        sign_up(member, "Milo Mentee", "milo@example.org")
        member_asks_to_join(member, NETWORK)
        host.reload()
        host.get_by_role("button", name="Approve Milo Mentee").click()
        expect(host.get_by_role("status").filter(has_text="Milo Mentee: approved")).to_be_visible()
        defines_scheme(host, network_id)
        applies(member, network_id)

        host.reload()
        expect(host.get_by_text(ANSWER)).to_be_visible()
        assert chart_bars(host, "Applications waiting") == [300, 300]  # the scheme's one, the network's one
        host.get_by_role("button", name="Approve Milo Mentee").click()
        expect(host.get_by_role("status").filter(has_text="Milo Mentee: approved and enrolled")).to_be_visible()
        host.reload()
        expect(host.get_by_role("heading", name="Programme dashboard")).to_be_visible()
        assert chart_bars(host, "Applications waiting") == [0, 0]
        assert len(chart_bars(host, "Groups by cadence kept")) == 2 * 4  # two rows, four states each
        expect(host.get_by_role("link", name="Download the programme table (CSV)")).to_have_attribute(
            "href", re.compile("^blob:")
        )
        host.screenshot(path=screenshots / "coordinator-dashboard.png", full_page=True)
        member.reload()
        expect(member.get_by_role("status").filter(has_text="approved: you are enrolled")).to_be_visible()
        expect(member.get_by_text("No mentor has posted an offer yet.")).to_be_visible()
    finally:
        host.context.close()
        member.context.close()


def joins(host: Page, member: Page, name: str, email: str, network: str) -> None:
    sign_up(member, name, email)
    member_asks_to_join(member, network)
    host.reload()
    host.get_by_role("button", name=f"Approve {name}").click()
    expect(host.get_by_role("status").filter(has_text=f"{name}: approved")).to_be_visible()


def test_a_mentee_chooses_an_offer_and_its_mentor_accepts_forming_their_group(chromium: Browser, server: str) -> None:
    host, mentor, mentee = (person(chromium, server).new_page() for _ in range(3))
    try:
        sign_up(host, "Cal Coordinator", "cal@example.org")
        host_opens_public_network(host, "Offers and Choices Commons")
        network_id = host.url.rstrip("/").rsplit("/", 1)[1]
        joins(host, mentor, "Mia Mentor", "mia@example.org", "Offers and Choices Commons")
        joins(host, mentee, "Ned Mentee", "ned@example.org", "Offers and Choices Commons")
        defines_scheme(host, network_id)
        applies(mentor, network_id, "mentor")
        applies(mentee, network_id)
        host.reload()
        for name in ("Mia Mentor", "Ned Mentee"):
            host.get_by_role("button", name=f"Approve {name}").click()
            expect(host.get_by_role("status").filter(has_text=f"{name}: approved and enrolled")).to_be_visible()

        mentor.reload()
        mentor.get_by_label("What you can offer").fill("Growing a small charity without burning out")
        mentor.get_by_role("button", name="Post offer").click()
        expect(mentor.get_by_text("No one has chosen your offers yet.")).to_be_visible()
        mentee.reload()
        expect(mentee.get_by_text("Growing a small charity without burning out")).to_be_visible()
        mentee.get_by_role("button", name=re.compile("Choose Mia Mentor.s offer")).click()
        expect(mentee.get_by_text(re.compile("Mia Mentor.s offer — pending"))).to_be_visible()
        mentor.reload()
        mentor.get_by_role("button", name="Accept Ned Mentee").click()
        expect(mentor.get_by_role("link", name=re.compile("^Your group"))).to_be_visible()
        mentee.reload()
        mentee.get_by_role("link", name=re.compile("^Your group")).click()
        expect(mentee.get_by_role("heading", name="Our contract")).to_be_visible()
        expect(mentee.get_by_text("The mentee sets the agenda.")).to_be_visible()
    finally:
        for page in (host, mentor, mentee):
            page.context.close()
