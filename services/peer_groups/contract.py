"""The group's contract (seed 002, "Contracting"): norms every member accepts before the space opens to them.
Any change asks everyone to accept again."""

from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.errors import Conflict
from infra.text import clean_lines
from services.peer_groups import events as ev
from services.peer_groups.access import has_accepted, member_group
from services.peer_groups.groups import seats
from services.peer_groups.publications import group_event
from services.peer_groups.tables import PeerGroup


async def change_contract(session: AsyncSession, member_id: str, group_id: str, norms: list[str]) -> PeerGroup:
    """Only members who accepted the current contract may propose the next one."""
    group, seat = await member_group(session, member_id, group_id)
    if not has_accepted(group, seat):
        raise Conflict("Accept the current contract before you change it.")
    cleaned = clean_lines(norms, "A norm", 500, 30)
    if not cleaned:
        raise Conflict("A contract keeps at least one norm.")
    if cleaned == group.norms:
        return group
    group.norms, group.contract_version = cleaned, group.contract_version + 1
    record(
        session, [group_event(ev.ContractChanged(group_id=group.id, version=group.contract_version), group.id, group)]
    )
    return group


async def accept_contract(session: AsyncSession, member_id: str, group_id: str, version: int) -> PeerGroup:
    """`version` is the contract the member read: accepting an older one (changed meanwhile) is refused."""
    group, seat = await member_group(session, member_id, group_id)
    if version != group.contract_version:
        raise Conflict("The contract changed since you read it; read it again and accept the current version.")
    seat.accepted_version = version
    await session.flush()
    everyone = all(has_accepted(group, other) for other in await seats(session, group.id))
    data = ev.ContractAccepted(group_id=group.id, member_id=member_id, version=version, all_accepted=everyone)
    record(session, [group_event(data, group.id, group)])
    return group
