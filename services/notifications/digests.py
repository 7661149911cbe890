"""Digests, the DAILY and WEEKLY channels: one email per member and period holding their unread notifications of
the kinds they route to that channel, and their feed highlights (a "kind" only digests carry, weekly by default,
so every member gets the weekly digest of their feed unless they turn it off, as before this service).

Each cadence and period is one due-time job, planned by the scheduler (`plan_digests`, hourly and idempotent) and
run once across replicas when the period ends. Its emails are keyed `digest:<cadence>:<member>:<period start>`, so
a job run again queues nothing twice. A digest carries what notifications say, never a peer group's content: the
highlights come from the member's circles outside peer groups (feeds.api.highlights_in).
"""

from collections import defaultdict
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from services.feeds import api as feeds
from services.notifications.kinds import DIGESTS, Channel, Kind
from services.notifications.outbox import queue_digest
from services.notifications.preferences import channels_for
from services.notifications.schedule import plan
from services.notifications.tables import DueJob, Notification
from services.notifications.wording import text_of

LENGTH = {Channel.DAILY: timedelta(days=1), Channel.WEEKLY: timedelta(days=7)}


def period_start(cadence: Channel, moment: datetime) -> datetime:
    """Days start at midnight UTC, weeks on Monday."""
    day = moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=day.weekday()) if cadence is Channel.WEEKLY else day


async def plan_digests(session: AsyncSession, now: datetime) -> None:
    """Plans the digest of the current day and week, each due when its period ends."""
    for cadence in DIGESTS:
        start = period_start(cadence, now)
        await plan(session, cadence, start.isoformat(), start + LENGTH[cadence], {"start": start.isoformat()})


async def run_digest(session: AsyncSession, job: DueJob) -> int:
    """Queues the period's digest for every member who has something in it; how many."""
    cadence, start, end = Channel(job.kind), datetime.fromisoformat(job.data["start"]), job.due_at
    notes, featured = await _unread(session, cadence, start, end), await _featured(session, cadence)
    queued = 0
    for member in sorted(notes.keys() | featured):
        shown = await feeds.highlights_in(session, member, start, end) if member in featured else []
        if notes.get(member) or shown:
            digest = {
                "cadence": cadence.value,
                "notifications": notes.get(member, []),
                "highlights": [[h.title, h.reason, h.excerpt, h.path] for h in shown],
            }
            key = f"digest:{cadence.value}:{member}:{start.isoformat()}"
            await queue_digest(session, key, member, digest, utcnow())
            queued += 1
    return queued


async def _unread(
    session: AsyncSession, cadence: Channel, start: datetime, end: datetime
) -> dict[str, list[list[str]]]:
    """Member -> [text, path] of each notification of the period, still unread, of a kind they route here."""
    rows = await session.scalars(
        select(Notification)
        .where(
            Notification.read_at.is_(None),
            Notification.updated_at > start,
            Notification.updated_at <= end,
        )
        .order_by(Notification.updated_at.desc(), Notification.id)
    )
    by_kind: dict[Kind, list[Notification]] = defaultdict(list)
    for row in rows:
        by_kind[Kind(row.kind)].append(row)
    found: dict[str, list[list[str]]] = defaultdict(list)
    for kind, kept in by_kind.items():
        channels = await channels_for(session, kind, {row.recipient_id for row in kept})
        for row in kept:
            if channels[row.recipient_id] is cadence:
                found[row.recipient_id].append([text_of(row), row.path])
    return found


async def _featured(session: AsyncSession, cadence: Channel) -> set[str]:
    """The members whose feed highlights come in this cadence's digest."""
    channels = await channels_for(session, Kind.FEED_HIGHLIGHTS, await feeds.member_ids_in(session))
    return {member for member, channel in channels.items() if channel is cadence}
