"""The items a member may flag, asked of the service that owns each (`owners.OWNERS`): what it is, and hiding
or restoring it.

Moderation calls the owner inside its own transaction: the owner applies the hidden state and records its usual
change event (publication None while hidden) in the same commit as the decision, so search and feeds drop the item
through the events they already consume, and a decision never lands without its effect.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from infra.errors import InvalidInput
from infra.flaggable import Flaggable
from infra.viewer import Viewer
from services.moderation.owners import OWNERS, Owner


def _owner(kind: str) -> Owner:
    if kind not in OWNERS:
        raise InvalidInput(f"One may flag a {', a '.join(sorted(OWNERS))}.")
    return OWNERS[kind]


async def flaggable(db: Database, viewer: Viewer, kind: str, item_id: str) -> Flaggable:
    """The item if the viewer may see it; NotFound otherwise, the same as for an item that does not exist."""
    return await _owner(kind).flaggable(db, viewer, kind, item_id)


async def set_hidden(session: AsyncSession, kind: str, item_id: str, hidden: bool) -> None:
    await _owner(kind).set_hidden(session, kind, item_id, hidden)
