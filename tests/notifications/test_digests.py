"""Digests are channels of notifications: the weekly digest of each member's feed, on unless they turn it off, and
the daily or weekly digest of the kinds a member routes there; sent once per period, to a real SMTP server."""

from datetime import timedelta
from email.message import EmailMessage

from events import audience
from infra.columns import utcnow
from infra.database import Database
from infra.settings import Settings
from services.notifications.api import deliver_due, plan_digests, run_due_jobs
from tests.feeds.support import ident, member_of, network_with_group, project, publication, share, shared
from tests.notifications.support import PUBLIC, Inbox
from tests.support.graphql import Gateway, Member

CHOOSE = "mutation($kind: NotificationKind!, $channel: NotificationChannel!) { setNotificationPreference(kind: $kind, channel: $channel) { kind channel } }"  # noqa: E501
WEEK = timedelta(days=7)


async def _community(api: Gateway, database: Database) -> tuple[Member, Member]:
    host, network, leeds = network_with_group(api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    amara = member_of(api, host, network, leeds, "Amara Okafor")
    found = publication(
        kind="harvest",
        title="Harvest of the <Leeds> café",
        text="Patterns & open questions",
        network_ids=[network],
        practice_areas=["hosting"],
    )
    await share(database, shared(ident(), [audience.network(network)], found))
    await project(database)
    return host, amara


def _parts(message: EmailMessage) -> tuple[str, str]:
    text, page = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and page is not None
    return text.get_content(), page.get_content()  # type: ignore[attr-defined]


async def _week_ends(database: Database, settings: Settings) -> int:
    """Plans this week's digests, runs them when the week is over and sends what they queued; how many went."""
    now = utcnow() + timedelta(minutes=1)
    await plan_digests(database, now)
    start = now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=now.weekday())
    await run_due_jobs(database, start + WEEK)
    return await deliver_due(database, settings)


async def test_the_weekly_digest_brings_each_member_their_feed_unless_they_turned_it_off(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    host, amara = await _community(api, database)
    host.run(CHOOSE, kind="FEED_HIGHLIGHTS", channel="OFF")
    await deliver_due(database, settings)  # the sign-ups' verification links
    inbox.messages.clear()

    assert await _week_ends(database, settings) == 1
    [message] = inbox.messages
    assert message["To"] == amara.email
    text, page = _parts(message)
    assert "- Harvest of the <Leeds> café (shared in Northern Network, also working on hosting)" in text
    assert "- Hana Host (new member of Northern Network)" in text
    assert "Harvest of the &lt;Leeds&gt; café" in page and "Patterns &amp; open questions" in page
    assert message["List-Unsubscribe"].startswith(f"<{PUBLIC}/notifications/unsubscribe?token=")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The same week again (a second scheduler, a rerun) sends nothing more.
    assert await _week_ends(database, settings) == 0
    assert len(inbox.messages) == 1


async def test_feed_highlights_come_only_in_a_digest(api: Gateway, database: Database) -> None:
    host, _ = await _community(api, database)
    [error] = host.fails(CHOOSE, kind="FEED_HIGHLIGHTS", channel="EMAIL")
    assert error["message"] == "Feed highlights come only in a digest: choose DAILY, WEEKLY or OFF."
    chosen = host.run(CHOOSE, kind="FEED_HIGHLIGHTS", channel="DAILY")["setNotificationPreference"]
    assert {"kind": "FEED_HIGHLIGHTS", "channel": "DAILY"} in chosen
