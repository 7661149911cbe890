"""Exactly once through a real SMTP server: an SMTP server that is away is retried with backoff and nothing is
lost; two senders at once (two scheduler replicas) send each email once; `commons status` shows the backlog."""

import asyncio
from datetime import timedelta

from infra.columns import utcnow
from infra.database import Database
from infra.settings import Settings
from services.notifications.api import deliver_due, mail_backlog
from tests.notifications.support import Inbox, mail_settings, notify_all
from tests.peer_groups.support import SCHEDULE, open_group, soon
from tests.support.graphql import Gateway


async def test_an_smtp_server_away_is_retried_later_and_nothing_is_lost(
    api: Gateway, database: Database, database_url: str, settings: Settings, inbox: Inbox, tmp_path: object
) -> None:
    _, _, people, group = open_group(api, "Amara Okafor", "Ben Carter")
    people[0].run(SCHEDULE, g=group, at=soon(3), count=1, mode="phone", place="")
    await notify_all(database)
    away = mail_settings(database_url, tmp_path, port=1)  # nothing listens there
    assert await deliver_due(database, away) == 0
    assert await mail_backlog(database) == 2
    assert await deliver_due(database, settings) == 0  # backing off: not yet due again
    later = utcnow() + timedelta(seconds=settings.mail_retry_seconds + 1)
    assert await deliver_due(database, settings, now=later) == 2
    assert await mail_backlog(database) == 0 and len(inbox.messages) == 2


async def test_two_senders_at_once_send_each_email_once(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, people, group = open_group(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    people[0].run(SCHEDULE, g=group, at=soon(3), count=6, mode="phone", place="")
    await notify_all(database)
    other = Database(settings.resolved_database_url)
    try:
        sent = await asyncio.gather(deliver_due(database, settings), deliver_due(other, settings))
    finally:
        await other.dispose()
    assert sum(sent) == 18 == len(inbox.messages)
    assert len({m["Message-ID"] for m in inbox.messages}) == 18
