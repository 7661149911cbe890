"""Where a response or a mention happened, as its notification says it: "your story", "a comment in Ash Grove",
the link to it, who acted; never a word of what was written."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from events.envelope import Event
from services.accounts import api as accounts
from services.notifications.confidentiality import groups_of
from services.notifications.notice import in_group

PATHS = {"story": "/stories/", "resource": "/resources/", "harvest": "/harvests/"}


@dataclass(frozen=True)
class Place:
    what: str
    path: str
    group_id: str | None
    actor_id: str
    actor_name: str


async def place_of(
    session: AsyncSession, event: Event, what: str, target_kind: str, target_id: str, actor_id: str
) -> Place:
    """`what` names what was written ("your story"); what is confidential names its group as well."""
    group_id = next(iter(sorted(groups_of(event.audience, None))), None)
    said = what
    if group_id:
        said = f"{said} in {await in_group(session, group_id)}"
    names = await accounts.names_of(session, [actor_id])
    return Place(said, f"{PATHS.get(target_kind, '/')}{target_id}", group_id, actor_id, names.get(actor_id, "Someone"))
