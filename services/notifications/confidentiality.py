"""Who may hear of something that happened in a peer group: only members who accepted its current contract.

Every notification passes here (inbox.notify), whatever produced it, so no reading of an event can widen it. A few
kinds also reach someone outside the group's space, and say no more than that person may see elsewhere: the one a
proposal is about (the group's name and the offer, as their invitation shows them), and the network's hosts and
coordinators for a broken cadence (whether groups keep meeting, as their overview shows them) and for a flag its
flagger chose to show them (they review that one item; the notice names no content).
"""

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from events.audience import Audience, AudienceKind
from services.networks import api as networks
from services.notifications.kinds import Kind
from services.notifications.notice import Notice
from services.peer_groups import api as peer_groups

# Asked of the seated members precisely because they need not have accepted the group's current contract.
SEATED = {Kind.CONTRACT_CHANGED, Kind.PROPOSAL_AWAITING}
Outsiders = Callable[[AsyncSession, Notice, str], Awaitable[set[str]]]


def groups_of(audience: tuple[str, ...], group_id: str | None) -> set[str]:
    """The group named, and the groups of an audience that is confidential (peer-group keys only)."""
    keys = [Audience.parse(key) for key in audience]
    confined = bool(keys) and all(key.kind is AudienceKind.PEER_GROUP for key in keys)
    return {key.id for key in keys if key.id and confined} | ({group_id} if group_id else set())


async def _proposed(session: AsyncSession, notice: Notice, group_id: str) -> set[str]:
    member = await peer_groups.proposal_member_id(session, group_id, notice.subject.partition(":")[2])
    return {member} if member else set()


async def _coordinating(session: AsyncSession, notice: Notice, group_id: str) -> set[str]:
    network_id = await peer_groups.network_of_group(session, group_id)
    return set(await networks.coordinator_ids_in(session, network_id)) if network_id else set()


ALSO: dict[Kind, Outsiders] = {
    Kind.SEAT_PROPOSED: _proposed,
    Kind.PROPOSAL_CLOSED: _proposed,
    Kind.CADENCE_BROKEN: _coordinating,
    Kind.FLAG_FOR_COORDINATORS: _coordinating,
}


async def permitted(session: AsyncSession, notice: Notice, recipients: set[str]) -> set[str]:
    for group in groups_of(notice.audience, notice.group_id):
        ask = peer_groups.seated_member_ids if notice.kind in SEATED else peer_groups.consenting_member_ids
        allowed = set(await ask(session, group))
        if also := ALSO.get(notice.kind):
            allowed |= await also(session, notice, group)
        recipients &= allowed
    return recipients
