"""What members do with their notifications: read them, choose channels, unsubscribe from a kind or a digest."""

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.errors import InvalidInput, NotFound
from infra.upserts import upsert
from services.notifications.kinds import DIGESTS, Channel, Kind
from services.notifications.preferences import choices_of
from services.notifications.tables import Notification, Preference

MAX_IDS = 100


async def mark_read(session: AsyncSession, member_id: str, ids: Sequence[str] | None, everything: bool) -> None:
    """Marks the named notifications, or all of them, read; an id that is not the member's changes nothing."""
    if everything == (ids is not None):
        raise InvalidInput("Give either ids or all: true.")
    mine = (Notification.recipient_id == member_id) & Notification.read_at.is_(None)
    if ids is not None:
        named = set(ids)
        if not 1 <= len(named) <= MAX_IDS:
            raise InvalidInput(f"Give between 1 and {MAX_IDS} notification ids.")
        if any(len(i) > 36 or "\x00" in i for i in named):
            raise NotFound("No such notification.")  # never one of ours; PostgreSQL refuses NUL in text
        owned = await session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.recipient_id == member_id, Notification.id.in_(named))
        )
        if owned != len(named):
            raise NotFound("No such notification.")
        mine = mine & Notification.id.in_(named)
    await session.execute(update(Notification).where(mine).values(read_at=utcnow()))


async def choose(session: AsyncSession, member_id: str, kind: Kind, channel: Channel) -> None:
    if kind is Kind.FEED_HIGHLIGHTS and channel not in (*DIGESTS, Channel.OFF):
        raise InvalidInput("Feed highlights come only in a digest: choose DAILY, WEEKLY or OFF.")
    row = {"member_id": member_id, "kind": kind.value, "channel": channel.value}
    await upsert(session, Preference, [row], ["channel"])


async def unsubscribe(session: AsyncSession, member_id: str, topic: Kind | Channel) -> None:
    """One-click unsubscribe from a kind's emails, or from a digest (every kind it carries): what was mailed still
    shows in the app; feed highlights, which only a digest carries, stop."""
    chosen = await choices_of(session, member_id)
    kinds = [topic] if isinstance(topic, Kind) else [kind for kind, channel in chosen.items() if channel is topic]
    for kind in kinds:
        await choose(session, member_id, kind, Channel.OFF if kind is Kind.FEED_HIGHLIGHTS else Channel.IN_APP)
