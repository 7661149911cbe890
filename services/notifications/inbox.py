"""Turning one happening into notifications: folded into a recent one about the same thing, or new; mailed when
the recipient's channel says so; announced for live subscribers.

Times are the event's, not the clock's, so that a redelivery or a replay finds the rows it made and changes
nothing: an event no later than a row's `updated_at` was applied to it already.
"""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import new_event
from events.outbox import record
from infra.columns import new_id, utcnow
from services.moderation import api as moderation
from services.notifications.confidentiality import permitted
from services.notifications.events import Delivered
from services.notifications.kinds import Channel
from services.notifications.notice import Notice
from services.notifications.outbox import queue_emails
from services.notifications.preferences import channels_for
from services.notifications.tables import Notification

FOLD_WINDOW = timedelta(minutes=10)
SHOWN_ACTORS = 3
ANNOUNCED_PER_EVENT = 1000


async def notify(session: AsyncSession, notice: Notice, recipients: Iterable[str]) -> int:
    """Notifies each recipient but the actor and those who have a block with the actor; how many rows were made
    or folded."""
    allowed = await permitted(session, notice, set(recipients) - {notice.actor_id})
    if notice.actor_id:
        allowed = await moderation.unblocked(session, notice.actor_id, allowed)
    channels = await channels_for(session, notice.kind, allowed)
    wanted: dict[str, Channel] = {member: channel for member, channel in channels.items() if channel is not Channel.OFF}
    folded = await _fold(session, notice, wanted)
    fresh = [member for member in wanted if member not in folded]
    rows = [_row(notice, member) for member in fresh]
    if rows:
        await session.execute(insert(Notification), rows)
    emailed = [(r["recipient_id"], r["id"]) for r in rows if wanted[r["recipient_id"]] is Channel.EMAIL]
    await queue_emails(session, emailed, utcnow())
    _announce(session, notice, [*fresh, *(m for m, applied in folded.items() if applied)])
    return len(rows) + sum(folded.values())


def _row(notice: Notice, member: str) -> dict[str, Any]:
    return {
        "id": new_id(),
        "recipient_id": member,
        "kind": notice.kind.value,
        "subject": notice.subject,
        "title": notice.phrase,
        "path": notice.path,
        "group_id": notice.group_id,
        "actor_names": [notice.actor_name] if notice.actor_name else [],
        "count": 1,
        "created_at": notice.at,
        "updated_at": notice.at,
        "read_at": None,
    }


async def _fold(session: AsyncSession, notice: Notice, wanted: dict[str, Channel]) -> dict[str, bool]:
    """Recipients with a recent notification about the same thing, and whether this event changed it."""
    recent = await session.scalars(
        select(Notification)
        .where(
            Notification.subject == notice.subject,
            Notification.kind == notice.kind.value,
            Notification.created_at > notice.at - FOLD_WINDOW,
            Notification.created_at <= notice.at,
        )
        .order_by(Notification.created_at)
    )
    found: dict[str, bool] = {}
    for row in recent:
        if row.recipient_id in wanted:
            found[row.recipient_id] = _apply(row, notice)
    return found


def _apply(row: Notification, notice: Notice) -> bool:
    if row.updated_at >= notice.at:
        return False
    names = row.actor_names
    if notice.actor_name and notice.actor_name not in names:
        names = [*names, notice.actor_name][-SHOWN_ACTORS:]
    row.actor_names, row.count, row.updated_at, row.title, row.read_at = (
        names,
        row.count + 1,
        notice.at,
        notice.phrase,
        None,
    )
    return True


def _announce(session: AsyncSession, notice: Notice, recipients: list[str]) -> None:
    record(
        session,
        [
            new_event(
                Delivered(
                    recipient_ids=recipients[i : i + ANNOUNCED_PER_EVENT],
                    kind=notice.kind.value,
                    subject=notice.subject,
                ),
                subject=notice.subject,
                audience=notice.audience,
                network=None,
            )
            for i in range(0, len(recipients), ANNOUNCED_PER_EVENT)
        ],
    )
