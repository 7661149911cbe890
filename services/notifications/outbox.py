"""The email outbox: rows queued with the notification that needs them, claimed by a sender, marked sent.

Exactly once: a notification is queued once (its row is keyed by it); a sender claims rows under a lease before
sending, and marks a row sent only while it still holds it. A sender killed mid-send leaves its rows to be sent
after the lease; an SMTP server that refuses or is away gets the row back later, with a doubling delay.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import new_id
from infra.upserts import upsert
from services.notifications.claims import claim
from services.notifications.tables import Email

LONGEST_WAIT = timedelta(hours=1)


class Written(Protocol):
    """A message another service wrote (accounts' links, an invitation to an address): its link is a path under
    COMMONS_PUBLIC_URL, made whole when it is sent."""

    @property
    def subject(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def path(self) -> str: ...


@dataclass(frozen=True)
class Letter:
    subject: str
    text: str
    path: str


def _row(key: str, recipient_id: str | None, notification_id: str | None, now: datetime) -> dict[str, object]:
    return {
        "id": new_id(),
        "key": key,
        "recipient_id": recipient_id,
        "notification_id": notification_id,
        "address": None,
        "letter": None,
        "queued_at": now,
        "next_attempt_at": now,
        "attempts": 0,
    }


async def queue_letter(
    session: AsyncSession, key: str, letter: Written, now: datetime, account_id: str | None, address: str | None = None
) -> None:
    """Queues a letter in the caller's transaction: to an account's address, or to `address` (no account). Once
    per key: queued again (a redelivered event) it changes nothing."""
    written = {"subject": letter.subject, "text": letter.text, "path": letter.path}
    row = _row(key, account_id, None, now) | {"address": address, "letter": written}
    await upsert(session, Email, [row], key=["key"])


async def queue_digest(session: AsyncSession, key: str, member_id: str, digest: dict[str, Any], now: datetime) -> None:
    """Queues a digest (digests.py) in the caller's transaction, once per key; its links are paths, made whole when
    it is sent."""
    await upsert(session, Email, [_row(key, member_id, None, now) | {"letter": digest}], key=["key"])


async def queue_emails(session: AsyncSession, notified: list[tuple[str, str]], now: datetime) -> None:
    """An email for each (recipient, new notification)."""
    if notified:
        await session.execute(insert(Email), [_row(f"notification:{n}", r, n, now) for r, n in notified])


async def withdraw_letter(session: AsyncSession, key: str) -> None:
    """Drops a letter not sent yet (its single-use link was used already: sending it would help nobody)."""
    await session.execute(delete(Email).where(Email.key == key, Email.sent_at.is_(None)))


async def claim_due(session: AsyncSession, now: datetime, lease: timedelta, limit: int) -> tuple[str, list[Email]]:
    return await claim(session, Email, (Email.sent_at.is_(None)) & (Email.next_attempt_at <= now), now, lease, limit)


async def mark_sent(session: AsyncSession, email_id: str, token: str, now: datetime) -> None:
    sent = update(Email).where(Email.id == email_id, Email.claimed_by == token)
    await session.execute(sent.values(sent_at=now, letter=None))


async def mark_failed(
    session: AsyncSession, email: Email, token: str, reason: str, retry: timedelta, now: datetime
) -> None:
    wait = min(retry * 2**email.attempts, LONGEST_WAIT)
    await session.execute(
        update(Email)
        .where(Email.id == email.id, Email.claimed_by == token)
        .values(
            attempts=Email.attempts + 1,
            next_attempt_at=now + wait,
            claimed_until=None,
            claimed_by=None,
            last_error=reason[:500],
        )
    )


async def backlog(session: AsyncSession) -> int:
    """Emails queued and not sent yet (`commons status`)."""
    return await session.scalar(select(func.count()).select_from(Email).where(Email.sent_at.is_(None))) or 0
