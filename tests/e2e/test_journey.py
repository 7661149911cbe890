"""A member and a host use Practice Commons in two real browsers: from signing up to a live Good News Analysis."""

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.notifications.support import Inbox

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"
STORY = "Our community garden brought the street together"


def person(browser: Browser, server: str) -> BrowserContext:
    context = browser.new_context(base_url=server, viewport={"width": 1100, "height": 900})
    context.set_default_timeout(10_000)
    return context


def sign_up(page: Page, name: str, email: str) -> None:
    page.goto("/sign-up")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("status").filter(has_text="Check your email")).to_be_visible()
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your learning feed")


def verify(page: Page, mail: Inbox, email: str) -> None:
    """Follows the link of the verification email, as its recipient would."""
    text = mail.arrival(email, "Confirm").get_body(("plain",)).get_content()  # type: ignore[union-attr]
    page.goto(re.search(r"http\S+(/verify-email\?token=\S+)", text).group(1))  # type: ignore[union-attr]
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("status").filter(has_text="your address is confirmed")).to_be_visible()


def host_opens_network(page: Page, member_email: str) -> str:
    page.goto("/networks")
    page.get_by_text("Start a new network").click()
    page.get_by_label("Name").fill("Leadership Alumni Network")
    page.get_by_label("Description").fill("Alumni learning from each other across communities.")
    page.get_by_role("button", name="Create network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leadership Alumni Network")
    network_path = page.url.removeprefix(page.url.split("/networks")[0])
    page.get_by_text("Hosts: invite").click()
    page.get_by_label("Email to invite").fill(member_email)
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("status").filter(has_text="Invitation sent")).to_be_visible()
    page.get_by_role("group", name="Practice areas").get_by_label("hosting").check()
    page.get_by_label("Name", exact=True).last.fill("Leeds chapter")
    page.get_by_label("Place", exact=True).fill("Leeds")
    page.get_by_role("button", name="Create local group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leeds chapter")
    return network_path


def member_joins(page: Page, mail: Inbox, shots: Path) -> None:
    verify(page, mail, "amara@example.org")
    page.goto("/networks")
    page.get_by_role("button", name="Accept the invitation to Leadership Alumni Network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leadership Alumni Network")
    page.get_by_role("link", name=re.compile("Leeds chapter")).click()
    page.get_by_role("button", name="Join Leeds chapter").click()
    expect(page.get_by_text("You joined Leeds chapter.")).to_be_visible()
    expect(page.get_by_role("link", name="Amara Okafor")).to_be_visible()
    page.screenshot(path=shots / "local-group.png", full_page=True)


def member_shares_story(page: Page, shots: Path) -> str:
    """From the feed, where members start."""
    page.get_by_role("link", name="Feed").click()
    page.get_by_text("Write a story for your community").click()
    audience = page.get_by_role("group", name="Who can read it?")
    expect(audience.get_by_label(re.compile("My local group Leeds chapter"))).to_be_visible()
    expect(page.get_by_text("Peer groups are confidential.")).to_be_visible()
    audience.get_by_label(re.compile("The whole network")).check()
    page.get_by_label("Title").fill(STORY)
    page.get_by_label("Your story").fill("We *hosted* a storytelling circle in the garden <script>alert(1)</script>.")
    page.get_by_role("group", name="Practice areas").get_by_label("place-based leadership").check()
    page.screenshot(path=shots / "share-story.png", full_page=True)
    page.get_by_role("button", name="Share story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(STORY)
    expect(page.locator(".prose em")).to_have_text("hosted")
    expect(page.locator(".prose script")).to_have_count(0)
    expect(page.get_by_text("Network: Leadership Alumni Network")).to_be_visible()
    page.screenshot(path=shots / "story.png", full_page=True)
    return page.url


def finds_with_a_typo(page: Page, shots: Path) -> None:
    page.get_by_role("link", name="Search").click()
    page.get_by_label(re.compile("Search stories")).press_sequentially("comunity gardn", delay=30)
    hit = page.get_by_role("list", name="Search results").get_by_role("link", name=STORY)
    expect(hit).to_be_visible(timeout=15_000)
    expect(hit.locator("mark").first).to_be_visible()
    page.screenshot(path=shots / "search.png", full_page=True)


def host_publishes_harvest(page: Page, shots: Path) -> None:
    page.goto("/harvests")
    page.get_by_text("Hosts: start a harvest").click()
    page.get_by_label("Title").fill("Spring gathering harvest")
    page.get_by_label("Gathering").select_option("STORYTELLING_CIRCLE")
    page.get_by_role("button", name="Start harvest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spring gathering harvest")
    insights = page.get_by_role("region", name="Insights")
    insights.get_by_text("Add to Insights").click()
    insights.get_by_label("New item for Insights").fill("Shared places make neighbours into a community.")
    insights.get_by_label(re.compile(STORY)).check()
    insights.get_by_role("button", name="Add item").click()
    cited = page.get_by_role("region", name="Insights").get_by_role("list", name="Cites")
    expect(cited).to_contain_text(STORY)
    expect(cited).to_contain_text("Shared: no consent needed")
    page.screenshot(path=shots / "harvest-editor.png", full_page=True)
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Publish harvest").click()
    expect(page.get_by_text(re.compile("published"))).to_be_visible()
    assert asked == ["Publish “Spring gathering harvest” to the network and every network connected to it?"]
    expect(page.get_by_role("link", name=STORY)).to_be_visible()
    # Readers see what is cited; where each consent stands was the editors' business.
    expect(page.get_by_text("Shared: no consent needed")).to_have_count(0)
    page.screenshot(path=shots / "harvest.png", full_page=True)


def form_peer_group(host: Page, member: Page, network_path: str) -> str:
    host.goto("/peer-groups")
    host.get_by_text("Form a peer group").click()
    host.get_by_label("Name", exact=True).fill("Thursday trio")
    host.get_by_label("Amara Okafor").check()
    host.get_by_role("button", name="Form group").click()
    expect(host.get_by_role("heading", level=1)).to_have_text("Thursday trio")
    group_path = host.url.removeprefix(host.url.split("/peer-groups")[0])
    for page in (host, member):
        page.goto(group_path)
        page.get_by_role("button", name=re.compile("I accept the contract")).click()
        expect(page.get_by_role("region", name="Meetings")).to_be_visible()
    return group_path


def plan_and_check_in(page: Page) -> None:
    plan = page.get_by_role("region", name="Development plan")
    plan.locator("summary", has_text="Add a goal").click()
    plan.get_by_label("Goal", exact=True).fill("Delegate more to my team")
    plan.get_by_label("Milestones").fill("Name what only I can do")
    plan.get_by_role("button", name="Add goal").click()
    goal = page.get_by_role("region", name="Development plan").get_by_role("listitem").filter(has_text="Delegate more")
    goal.locator("summary", has_text="Check in").click()
    goal.get_by_label("Progress towards the goal (0 to 100)").fill("40")
    goal.get_by_label("Reflection").fill("Handed the budget round to Sam.")
    goal.get_by_role("button", name="Check in", exact=True).click()
    progress = page.get_by_role("progressbar", name="Progress on Delegate more to my team")
    expect(progress).to_have_attribute("value", "40")


def schedule_meeting(page: Page, shots: Path) -> str:
    starts = (datetime.now() + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M")
    page.get_by_text("Schedule meetings").click()
    page.get_by_label("First meeting", exact=True).fill(starts)
    page.get_by_label("Where or link").fill("https://meet.example.org/trio")
    page.get_by_role("button", name="Schedule").click()
    meeting = page.get_by_role("region", name="Meetings").get_by_role("link", name=re.compile("Online"))
    expect(meeting).to_be_visible()
    # An online meeting's link opens it.
    online = page.get_by_role("region", name="Meetings").get_by_role("link", name="https://meet.example.org/trio")
    expect(online).to_have_attribute("href", "https://meet.example.org/trio")
    expect(page.get_by_role("region", name="Development plan")).to_be_visible()
    page.screenshot(path=shots / "peer-group.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the meetings (.ics) for your calendar").click()
    assert "BEGIN:VCALENDAR" in Path(download.value.path()).read_text()
    meeting.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting of Thursday trio")
    return page.url.removeprefix(page.url.split("/peer-groups")[0])


def timer_seconds(page: Page) -> int:
    minutes, seconds = re.match(r"(\d+):(\d+)", page.locator("#timer").inner_text()).groups()  # type: ignore[union-attr]
    return int(minutes) * 60 + int(seconds)


def same_timer(host: Page, member: Page) -> None:
    """Both count down from the server's turn start: they agree to the second (reading them takes a moment)."""
    shown = [timer_seconds(page) for page in (host, member)]
    assert abs(shown[0] - shown[1]) <= 1, shown


def cut_off_tab(member: Page, meeting_path: str) -> Page:
    """The member's second tab on the meeting, its live connection down (a flaky network): it misses the start."""
    tab = member.context.new_page()
    tab.route_web_socket(re.compile("/graphql$"), lambda socket: None)
    tab.goto(meeting_path)
    expect(tab.get_by_role("button", name="Start")).to_be_visible()
    return tab


def start_refused(tab: Page, host: Page) -> None:
    """Pressing Start once a round runs is refused clearly, and the tab shows the running round instead."""
    expect(host.locator("#step-title")).to_have_text("Tell the good news")
    tab.get_by_label("Protocol", exact=True).select_option("incident_round")
    tab.get_by_role("button", name="Start").click()
    refusal = tab.get_by_role("alert").filter(has_text="A round is already running: join it.")
    expect(refusal).to_contain_text("Your choices were not used; you are in the running round.")
    expect(tab.locator("#step-title")).to_have_text("Tell the good news")
    tab.close()


def good_news_analysis(host: Page, member: Page, meeting_path: str, shots: Path) -> None:
    member.goto(meeting_path)
    expect(member.get_by_role("button", name="Start")).to_be_visible()
    member.evaluate("window.openBeforeTheStart = true")  # a reload would forget it
    tab = cut_off_tab(member, meeting_path)
    host.get_by_label("Protocol", exact=True).select_option("good_news_analysis")
    host.get_by_label("Presenter").select_option(label="Amara Okafor")
    host.get_by_role("button", name="Start").click()
    start_refused(tab, host)
    for page in (host, member):  # the member's open page went live without a reload
        expect(page.locator("#step-title")).to_have_text("Tell the good news")
        expect(page.locator("#timer")).to_have_text(re.compile(r"^[23]:\d\d left$"))
    expect(host.locator("#turn")).to_have_text(re.compile("^Amara Okafor.s turn$"))
    expect(member.locator("#turn")).to_have_text("Your turn")
    assert member.evaluate("window.openBeforeTheStart")
    same_timer(host, member)
    member.get_by_role("button", name=re.compile("done: pass the turn")).click()
    for page in (host, member):
        expect(page.locator("#step-title")).to_have_text("Positive feedback")
    expect(host.locator("#turn")).to_have_text("Your turn")
    expect(member.locator("#silence")).to_have_text(re.compile("You listen in silence"))
    expect(host.locator("#prompts")).to_contain_text("What genuinely impressed me about your approach")
    same_timer(host, member)
    host.screenshot(path=shots / "meeting-room-peer.png", full_page=True)
    member.screenshot(path=shots / "meeting-room-presenter.png", full_page=True)
    member.set_viewport_size({"width": 390, "height": 844})
    expect(member.locator("#silence")).to_be_visible()
    assert not member.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    member.screenshot(path=shots / "phone-meeting-room.png", full_page=True)


def journey(host: Page, member: Page, mail: Inbox, shots: Path) -> None:
    sign_up(host, "Hana Host", "hana@example.org")
    sign_up(member, "Amara Okafor", "amara@example.org")
    member.screenshot(path=shots / "feed-empty.png", full_page=True)
    network_path = host_opens_network(host, "amara@example.org")
    host.screenshot(path=shots / "network.png", full_page=True)
    member_joins(member, mail, shots)
    host.goto("/feed")
    expect(host.get_by_text("Live: what is shared now appears under “Just in”.")).to_be_visible()
    member_shares_story(member, shots)
    live = host.get_by_role("list", name="Just in").get_by_role("listitem").filter(has_text=STORY)
    expect(live.get_by_text("New", exact=True)).to_be_visible()
    expect(live.get_by_text("shared in Leadership Alumni Network")).to_be_visible()
    host.screenshot(path=shots / "feed-live.png", full_page=True)
    # What arrived live keeps its place in the feed after a reload.
    host.reload()
    expect(host.get_by_role("list", name="Feed items").get_by_role("listitem").filter(has_text=STORY)).to_be_visible()
    finds_with_a_typo(member, shots)
    host_publishes_harvest(host, shots)
    form_peer_group(host, member, network_path)
    plan_and_check_in(host)
    meeting_path = schedule_meeting(host, shots)
    good_news_analysis(host, member, meeting_path, shots)
    host.goto(f"/coordinator/{network_path.split('/')[-1]}")
    expect(host.get_by_role("region", name="Groups keeping their cadence")).to_be_visible()
    host.screenshot(path=shots / "coordinator.png", full_page=True)


def test_sign_up_share_find_harvest_and_meet(chromium: Browser, server: str, mail: Inbox, screenshots: Path) -> None:
    host_context, member_context = person(chromium, server), person(chromium, server)
    host, member = host_context.new_page(), member_context.new_page()
    try:
        journey(host, member, mail, screenshots)
    except Exception:
        for name, page in (("host", host), ("member", member)):
            page.screenshot(path=screenshots / f"failed-{name}.png", full_page=True)
        raise
    finally:
        host_context.close()
        member_context.close()
