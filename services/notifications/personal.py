"""A member's data rights in notifications: their inbox and channel choices, for their export. Their erasure
reaches this service as the `data_rights.member.erased` event (its subject the member): their inbox, emails,
choices and due jobs go. Other members' notifications keep what happened, with the erased member's name replaced
(`forget_actor`, asked in the erasing transaction, the only moment the name is known)."""

import json

from sqlalchemy import Text, cast, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.envelope import Event
from events.sealing import FORMER_MEMBER
from infra.personal_data import PersonalData, gathered
from services.notifications.tables import DueJob, Email, Notification, Preference

ERASED = "data_rights.member.erased"


async def personal_data(session: AsyncSession, member_id: str) -> PersonalData:
    return await gathered(
        session,
        {
            "notifications": select(Notification)
            .where(Notification.recipient_id == member_id)
            .order_by(Notification.created_at),
            "notification_choices": select(Preference).where(Preference.member_id == member_id),
        },
    )


async def forget_member(event: Event, session: AsyncSession) -> None:
    member_id = event.subject
    await session.execute(delete(Notification).where(Notification.recipient_id == member_id))
    await session.execute(delete(Email).where(Email.recipient_id == member_id))
    await session.execute(delete(Preference).where(Preference.member_id == member_id))
    await session.execute(delete(DueJob).where(DueJob.key.contains(member_id)))


async def forget_actor(session: AsyncSession, name: str) -> None:
    """Replaces `name` among the actors of everyone's notifications: who acted is kept as "a former member"."""
    naming = cast(Notification.actor_names, Text).contains(json.dumps(name)[1:-1])
    for row in await session.scalars(select(Notification).where(naming)):
        row.actor_names = list(dict.fromkeys(FORMER_MEMBER if n == name else n for n in row.actor_names))
