"""A host removes a member from a network: their membership and the network's local groups go at once, so every
read after it (which takes the member's circles from their memberships) leaves the network out. What they wrote
stays. The reason goes to the record of hosts' acts, which only the network's hosts read."""

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.errors import NotFound
from infra.text import clean_text
from infra.viewer import Viewer
from services.networks import events as ev
from services.networks.access import hosted_network, keep_a_host
from services.networks.tables import LocalGroup, LocalGroupMember, Membership


async def remove_member(session: AsyncSession, viewer: Viewer, network_id: str, member_id: str, reason: str) -> None:
    await hosted_network(session, viewer, network_id, "remove members")
    reason = clean_text(reason, "A reason", 2000, 1)
    membership = await session.get(Membership, (network_id, member_id))
    if membership is None:
        raise NotFound("That person is not a member of the network.")
    await keep_a_host(session, membership)
    groups = select(LocalGroup.id).where(LocalGroup.network_id == network_id)
    local = delete(LocalGroupMember).where(
        LocalGroupMember.member_id == member_id, LocalGroupMember.local_group_id.in_(groups)
    )
    await session.execute(local)
    await session.delete(membership)
    removed = ev.MemberRemoved(network_id=network_id, member_id=member_id, reason=reason, actor_id=viewer.account_id)
    record(session, [new_event(removed, member_id, [audience.member(member_id)], network_id)])
