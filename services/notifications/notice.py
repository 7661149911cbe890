"""What happened, as a notification says it, and how it names and links a peer group."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.notifications.kinds import Kind
from services.peer_groups import api as peer_groups


@dataclass(frozen=True)
class Notice:
    """What happened, as a notification says it: a phrase and a link, never the content it is about."""

    kind: Kind
    subject: str
    phrase: str
    path: str
    at: datetime
    audience: tuple[str, ...]
    group_id: str | None = None
    actor_id: str | None = None
    actor_name: str | None = None


# A notice and whom it is for.
Happening = tuple[Notice, list[str]]


def group_path(group_id: str) -> str:
    return f"/peer-groups/{group_id}"


async def in_group(session: AsyncSession, group_id: str) -> str:
    return await peer_groups.group_name_in(session, group_id) or "your peer group"


def when(moment: datetime) -> str:
    return moment.strftime("%a %d %b %Y, %H:%M UTC")
