"""A mail sender killed while sending, then another run after its lease: what a real SMTP server receives.

The guarantee that holds (and no more can: an SMTP server cannot be asked what it already took): every queued
email arrives, and each message keeps one Message-ID on every attempt (`<notification id>@practice-commons`).
Killed anywhere but between the server's acceptance and the outbox's mark, each email arrives exactly once; killed
in that window, the one message in flight arrives twice with the same Message-ID, which mail clients and
deduplicating relays fold into one. Nothing is lost, and no other message is repeated.
"""

import asyncio
import sys
from collections import Counter
from datetime import timedelta

import pytest

from infra.columns import utcnow
from infra.database import Database
from infra.settings import Settings
from services.notifications.api import deliver_due, mail_backlog
from tests.events.worker_crash import ROOT, environment, kill, until_frozen
from tests.notifications import crashing_sender
from tests.notifications.support import Inbox, notify_all
from tests.peer_groups.support import SCHEDULE, open_group, soon
from tests.support.graphql import Gateway

EMAILS, FREEZE_AT = 6, 3


async def _killed_while_sending(settings: Settings, moment: str) -> None:
    arguments = ("-m", crashing_sender.__name__, "--freeze", moment, "--at", str(FREEZE_AT))
    sender = await asyncio.create_subprocess_exec(
        sys.executable, *arguments, env=environment(settings), cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    try:
        await until_frozen(sender)
    finally:
        await kill(sender)


@pytest.mark.parametrize("moment", crashing_sender.MOMENTS)
async def test_a_sender_killed_while_sending_loses_nothing_and_repeats_at_most_the_message_in_flight(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox, moment: str
) -> None:
    _, _, people, group = open_group(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    people[0].run(SCHEDULE, g=group, at=soon(3), count=2, mode="phone", place="")
    await notify_all(database)
    await _killed_while_sending(settings, moment)
    assert len(inbox.messages) == FREEZE_AT - (moment == "before-send")
    assert await deliver_due(database, settings) == 0  # the dead sender's lease still holds its messages
    after_lease = utcnow() + timedelta(seconds=settings.mail_lease_seconds + 1)
    assert await deliver_due(database, settings, now=after_lease) == EMAILS - FREEZE_AT + 1  # the one in flight again
    assert await mail_backlog(database) == 0
    copies = Counter(message["Message-ID"] for message in inbox.messages)
    assert len(copies) == EMAILS, "every email arrived"
    expected = [1] * EMAILS if moment == "before-send" else [2] + [1] * (EMAILS - 1)
    assert sorted(copies.values(), reverse=True) == expected
