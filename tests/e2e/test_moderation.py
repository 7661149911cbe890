"""A member reports a harassing comment from the story's page; a host hides it from the review queue, with a
note; readers no longer see it, its author still does, marked hidden. The host then removes its author from the
network, saying why: they are out at once, and the record of hosts' acts shows the removal. In the demo, a member
reports a profile and the host hides it: others then read that a reviewer hid it, and nothing of its bio."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_accessibility import signed_in
from tests.e2e.test_join_requests import host_opens_public_network, member_asks_to_join
from tests.e2e.test_journey import person, sign_up
from tests.e2e.test_notifications_bell import STORY, writes_story
from tests.support.waiting import until

pytestmark = pytest.mark.e2e
NETWORK = "Steady Hands Commons"
INSULT = "You are a fool and a fraud, everyone knows it."


def let_in(host: Page, member: Page, name: str, email: str) -> None:
    sign_up(member, name, email)
    member_asks_to_join(member, NETWORK)
    host.reload()
    host.get_by_role("button", name=f"Approve {name}").click()
    expect(host.get_by_role("status").filter(has_text=f"{name}: approved")).to_be_visible()


def test_a_member_reports_a_comment_and_a_host_hides_it_from_the_queue(chromium: Browser, server: str) -> None:
    host, cai, bea = (person(chromium, server).new_page() for _ in range(3))
    try:
        sign_up(host, "Hedda Steady", "hedda@steady.example.org")
        host_opens_public_network(host, NETWORK)
        network_page = host.url
        let_in(host, cai, "Cai Harsh", "cai@steady.example.org")
        let_in(host, bea, "Bea Kind", "bea@steady.example.org")
        story = writes_story(bea)

        cai.goto(story)
        cai.get_by_label("Your comment").fill(INSULT)
        cai.get_by_role("button", name="Add comment").click()
        expect(cai.get_by_text("Comment added.")).to_be_visible()

        bea.reload()
        comment = bea.get_by_role("list", name="Comments").get_by_role("listitem").filter(has_text=INSULT)
        comment.get_by_text("Report", exact=True).click()
        comment.get_by_label("Why?").select_option("HARASSMENT")
        comment.get_by_label("A note for the reviewers (optional)").fill("Name-calling.")
        comment.get_by_role("button", name="Send report").click()
        told = "Reported: the network\N{RIGHT SINGLE QUOTATION MARK}s hosts will review it."
        expect(comment.get_by_role("status")).to_have_text(told)

        host.goto(network_page)
        host.get_by_text("Hosts: invite, create local groups").click()
        host.get_by_role("link", name="Review queue").click()
        report = host.get_by_role("list", name="Reports").get_by_role("listitem").filter(has_text=INSULT)
        expect(report.get_by_text("The reporter\N{RIGHT SINGLE QUOTATION MARK}s note: Name-calling.")).to_be_visible()
        report.get_by_label(re.compile("Your note")).fill("Insults break our charter.")
        report.get_by_role("button", name="Hide").click()
        expect(host.get_by_role("button", name="Restore")).to_be_visible()

        bea.reload()
        expect(bea.get_by_role("heading", level=1)).to_have_text(STORY)
        expect(bea.get_by_text(INSULT)).to_have_count(0)
        cai.reload()
        expect(cai.get_by_text("hidden by a reviewer: only you see it")).to_be_visible()
        removes(host, network_page, "Cai Harsh", "Insults after a warning.")
        cai.goto(network_page)
        expect(cai.get_by_text("You are not a member of this network.")).to_be_visible()
    finally:
        for page in (host, cai, bea):
            page.context.close()


def removes(host: Page, network_page: str, name: str, reason: str) -> None:
    host.goto(network_page)
    host.get_by_text("Hosts: invite, create local groups").click()
    host.get_by_label("Member to remove").select_option(label=name)
    host.get_by_label(re.compile("^Why")).fill(reason)
    host.once("dialog", lambda dialog: dialog.accept())
    host.get_by_role("button", name="Remove member").click()
    members = host.get_by_role("region", name="Members")
    expect(members.get_by_role("link", name="Hedda Steady")).to_be_visible()
    expect(members.get_by_role("link", name=name)).to_have_count(0)
    record = host.get_by_role("row").filter(has_text="removed a member").filter(has_text=reason)

    def recorded() -> bool:
        host.goto(f"{network_page}/record")
        expect(host.get_by_role("heading", level=1)).to_have_text("What hosts did")
        return record.count() == 1

    until(recorded, "the record shows the removal")


def test_a_member_reports_a_profile_and_the_host_hides_it(chromium: Browser, demo: str) -> None:
    amara, hana = person(chromium, demo).new_page(), person(chromium, demo).new_page()
    try:
        signed_in(amara, "amara@example.org")
        amara.goto("/networks")
        amara.get_by_role("link", name="Leadership Alumni Network").first.click()
        amara.get_by_role("region", name="Members").get_by_role("link", name="Ben Carter").click()
        profile = amara.url
        amara.get_by_text("Report", exact=True).click()
        amara.get_by_label("Why?").select_option("SPAM")
        amara.get_by_role("button", name="Send report").click()
        expect(amara.get_by_role("status").filter(has_text="Reported")).to_have_text(
            "Reported: the network\N{RIGHT SINGLE QUOTATION MARK}s hosts will review it."
        )

        signed_in(hana, "host@example.org")
        hana.goto("/networks")
        hana.get_by_role("link", name="Leadership Alumni Network").first.click()
        hana.get_by_text("Hosts: invite, create local groups").click()
        hana.get_by_role("link", name="Review queue").click()
        report = hana.get_by_role("list", name="Reports").get_by_role("listitem").filter(has_text="A profile reported")
        report.get_by_label(re.compile("Your note")).fill("Profiles are not for selling.")
        report.get_by_role("button", name="Hide").click()
        expect(hana.get_by_role("button", name="Restore")).to_be_visible()

        amara.goto(profile)
        expect(amara.get_by_text("A reviewer hid this profile.")).to_be_visible()
    finally:
        for page in (amara, hana):
            page.context.close()
