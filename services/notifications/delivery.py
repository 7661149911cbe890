"""The sender: claims due emails from the outbox, composes each (from its notification, its digest or the letter
another service wrote), sends, marks it sent.

Run by the scheduler every few seconds (`commons scheduler`, or inside `commons serve` embedded). A failure to
compose or to send gives the row back with a doubling delay; nothing is dropped.
"""

import logging
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.database import Database
from infra.settings import Settings
from services.accounts import api as accounts
from services.gatherings import api as gatherings
from services.notifications.digest_letters import digest_letter
from services.notifications.invites import meeting_ics
from services.notifications.kinds import Kind
from services.notifications.letters import letter, written_letter
from services.notifications.mail import Sender, sender_for
from services.notifications.outbox import claim_due, mark_failed, mark_sent
from services.notifications.tables import Email, Notification
from services.peer_groups import api as peer_groups

log = logging.getLogger("commons.notifications.delivery")
MEETING_KINDS = {Kind.MEETING_SCHEDULED.value, Kind.MEETING_MOVED.value, Kind.MEETING_REMINDER.value}
GATHERING_KINDS = {Kind.GATHERING_CHANGED.value, Kind.GATHERING_PLACE_OPENED.value}
BATCH = 100


async def compose(db: Database, settings: Settings, email: Email) -> EmailMessage | None:
    """The message for an outbox row; None when there is nobody or nothing left to write to."""
    if email.letter is not None and "cadence" in email.letter:
        return await _digest(db, settings, email, email.letter)
    if email.letter is not None:
        return await _written(db, settings, email, email.letter)
    async with db.sessions() as session:
        row = await session.get(Notification, email.notification_id) if email.notification_id else None
        ics = await _calendar(session, settings, row) if row else None
    account = await accounts.account(db, email.recipient_id) if email.recipient_id else None
    if row is None or account is None:
        return None
    return letter(settings, row, account.email, account.name, ics)


async def _calendar(session: AsyncSession, settings: Settings, row: Notification) -> str | None:
    """The .ics a letter carries: the meeting's it is about, or the gathering's for those going."""
    about = row.subject.split(":")[1]
    if row.kind in MEETING_KINDS:
        meeting = await peer_groups.meeting_glimpse(session, about)
        return meeting_ics(meeting, settings.site_url + row.path) if meeting else None
    return await gatherings.calendar_in(session, about) if row.kind in GATHERING_KINDS else None


async def _digest(db: Database, settings: Settings, email: Email, digest: dict[str, Any]) -> EmailMessage | None:
    account = await accounts.account(db, email.recipient_id) if email.recipient_id else None
    if account is None:
        return None
    return digest_letter(settings, email.id, account.account_id, account.email, account.name, digest)


async def _written(db: Database, settings: Settings, email: Email, written: dict[str, str]) -> EmailMessage | None:
    account = await accounts.account(db, email.recipient_id) if email.recipient_id else None
    to = email.address or (account.email if account else None)
    return written_letter(settings, email.id, to, written) if to else None


async def deliver_due(
    db: Database, settings: Settings, sender: Sender | None = None, now: datetime | None = None
) -> int:
    """Sends what is due, in batches until none is left; how many were sent."""
    sender, sent = sender or sender_for(settings), 0
    while True:
        moment = now or utcnow()
        async with db.transaction() as session:
            token, emails = await claim_due(session, moment, timedelta(seconds=settings.mail_lease_seconds), BATCH)
        for email in emails:
            sent += await _deliver(db, settings, sender, email, token)
        if len(emails) < BATCH:
            return sent


async def _deliver(db: Database, settings: Settings, sender: Sender, email: Email, token: str) -> int:
    try:
        message = await compose(db, settings, email)
        if message is not None:
            await sender.send(message, email.key)
    except Exception as error:
        # The error's kind only: an SMTP refusal quotes the recipient's address; the email's row keeps the reason.
        kind = type(error).__name__
        log.warning("email %s not sent (attempt %d), trying again later: %s", email.key, email.attempts + 1, kind)
        async with db.transaction() as session:
            await mark_failed(
                session, email, token, repr(error), timedelta(seconds=settings.mail_retry_seconds), utcnow()
            )
        return 0
    async with db.transaction() as session:
        await mark_sent(session, email.id, token, utcnow())
    return int(message is not None)
