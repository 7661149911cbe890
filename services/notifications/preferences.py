"""Which channel each member chose for a kind of notification, or its default."""

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notifications.kinds import DEFAULTS, Channel, Kind
from services.notifications.tables import Preference


async def channels_for(session: AsyncSession, kind: Kind, recipients: Iterable[str]) -> dict[str, Channel]:
    # Few members choose anything for a kind: all of its choices are one small read, however many recipients.
    chosen = dict(
        (
            await session.execute(select(Preference.member_id, Preference.channel).where(Preference.kind == kind.value))
        ).all()
    )
    return {member: Channel(chosen.get(member, DEFAULTS[kind])) for member in recipients}


async def choices_of(session: AsyncSession, member_id: str) -> dict[Kind, Channel]:
    rows = await session.execute(select(Preference.kind, Preference.channel).where(Preference.member_id == member_id))
    chosen = {Kind(kind): Channel(channel) for kind, channel in rows}
    return {kind: chosen.get(kind, default) for kind, default in DEFAULTS.items()}
