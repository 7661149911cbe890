"""Reading a member's notifications."""

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notifications.tables import Notification


def inbox_of(member_id: str) -> Select[Notification]:
    """Newest first; folding moves a notification up again."""
    return (
        select(Notification)
        .where(Notification.recipient_id == member_id)
        .order_by(Notification.updated_at.desc(), Notification.id)
    )


async def unread_count(session: AsyncSession, member_id: str) -> int:
    query = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.recipient_id == member_id, Notification.read_at.is_(None))
    )
    return await session.scalar(query) or 0


async def latest(session: AsyncSession, member_id: str, kind: str, subject: str) -> Notification | None:
    query = inbox_of(member_id).where(Notification.kind == kind, Notification.subject == subject).limit(1)
    return await session.scalar(query)
