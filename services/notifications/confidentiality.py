"""Who may hear of something that happened in a peer group: only members who accepted its current contract.

Every notification passes here (inbox.notify), whatever produced it, so no reading of an event can widen it.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from events.audience import Audience, AudienceKind
from services.notifications.kinds import Kind
from services.peer_groups import api as peer_groups

# Asked of the seated members precisely because none of them has accepted the group's new contract yet.
SEATED = {Kind.CONTRACT_CHANGED}


def groups_of(audience: tuple[str, ...], group_id: str | None) -> set[str]:
    """The group named, and the groups of an audience that is confidential (peer-group keys only)."""
    keys = [Audience.parse(key) for key in audience]
    confined = bool(keys) and all(key.kind is AudienceKind.PEER_GROUP for key in keys)
    return {key.id for key in keys if key.id and confined} | ({group_id} if group_id else set())


async def permitted(
    session: AsyncSession, kind: Kind, audience: tuple[str, ...], group_id: str | None, recipients: set[str]
) -> set[str]:
    for group in groups_of(audience, group_id):
        ask = peer_groups.seated_member_ids if kind in SEATED else peer_groups.consenting_member_ids
        recipients &= set(await ask(session, group))
    return recipients
