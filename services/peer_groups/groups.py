"""Forming groups and keeping their membership and contract: the only code that writes groups and seats."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, InvalidInput, NotFound
from infra.text import clean_text
from services.peer_groups import events as ev
from services.peer_groups.access import Actor, member_group
from services.peer_groups.kinds import DEFAULT_NORMS, check_complete, check_size, kind_of
from services.peer_groups.publications import group_event, group_publication
from services.peer_groups.tables import GroupMember, PeerGroup


@dataclass(frozen=True)
class Formation:
    network_id: str
    kind: str
    name: str
    member_ids: tuple[str, ...]
    mentor_id: str | None = None
    scheme_id: str | None = None
    # A scheme's group takes the scheme's agreement as its contract and its length as the cadence's span.
    norms: tuple[str, ...] = DEFAULT_NORMS
    months: int = 24


async def seats(session: AsyncSession, group_id: str) -> list[GroupMember]:
    query = select(GroupMember).where(GroupMember.group_id == group_id).order_by(GroupMember.joined_at)
    return list(await session.scalars(query))


async def record_group(session: AsyncSession, group: PeerGroup) -> None:
    member_ids = [seat.member_id for seat in await seats(session, group.id)]
    data = ev.PeerGroupChanged(
        group_id=group.id,
        network_id=group.network_id,
        kind=group.kind,
        member_ids=member_ids,
        publication=group_publication(group),
    )
    record(session, [group_event(data, group.id, group)])


async def _check_in_network(actor: Actor, network_id: str, member_ids: set[str]) -> None:
    """Someone outside the network, or with a block with the actor, reads as no one: no group can seat them."""
    for member_id in sorted(member_ids):
        if member_id in actor.viewer.blocked or await actor.role_in(network_id, member_id) is None:
            raise NotFound("No such member.")


def _roles(formation: Formation, founder: str | None) -> dict[str, str]:
    kind = kind_of(formation.kind)
    others = [m for m in (*([founder] if founder else []), *formation.member_ids) if m != formation.mentor_id]
    roles = {member_id: kind.member_role for member_id in others}
    if formation.mentor_id:
        roles[formation.mentor_id] = "mentor"
    return roles


async def form_group(session: AsyncSession, actor: Actor, formation: Formation) -> PeerGroup:
    """Members form groups with colleagues of their network; coordinators may form groups they are not in."""
    if await actor.role_in(formation.network_id) is None:
        raise NotFound("No such network.")
    founder = None if await actor.coordinates(formation.network_id) else actor.id
    named = {*formation.member_ids, *([formation.mentor_id] if formation.mentor_id else [])}
    await _check_in_network(actor, formation.network_id, named)
    roles = _roles(formation, founder)
    check_complete(kind_of(formation.kind), list(roles.values()))
    group = PeerGroup(
        network_id=formation.network_id,
        scheme_id=formation.scheme_id,
        kind=formation.kind,
        name=clean_text(formation.name, "A group's name", 120, 2),
        formed_by=actor.id,
        started_at=utcnow(),
        norms=list(formation.norms),
        for_months=formation.months,
        contract_version=1,
    )
    session.add(group)
    await session.flush()
    session.add_all(GroupMember(group_id=group.id, member_id=m, role=r, joined_at=utcnow()) for m, r in roles.items())
    await session.flush()
    await record_group(session, group)
    return group


def checked_role(group: PeerGroup, current: list[GroupMember], role: str | None) -> str:
    """The newcomer's role (the kind's member role by default), within the kind's size limit."""
    kind = kind_of(group.kind)
    role = role or kind.member_role
    if role not in ("mentor", kind.member_role):
        raise InvalidInput(f"In a {kind.label} a member is a {kind.member_role}{' or the mentor' * kind.has_mentor}.")
    check_size(kind, [seat.role for seat in current] + [role])
    return role


async def check_newcomer(actor: Actor, group: PeerGroup, current: list[GroupMember], member_id: str) -> None:
    if any(seat.member_id == member_id for seat in current):
        raise Conflict("That person is in the group already.")
    await _check_in_network(actor, group.network_id, {member_id})


async def seat_member(session: AsyncSession, group: PeerGroup, member_id: str, role: str | None) -> None:
    """Seats someone the group agreed to (proposals.py): they see what is said from now on."""
    current = await seats(session, group.id)
    if any(seat.member_id == member_id for seat in current):
        raise Conflict("That person is in the group already.")
    now = utcnow()
    session.add(
        GroupMember(
            group_id=group.id,
            member_id=member_id,
            role=checked_role(group, current, role),
            joined_at=now,
            sees_from=now,
        )
    )
    await session.flush()
    await record_group(session, group)


async def leave_group(session: AsyncSession, actor: Actor, group_id: str) -> None:
    """Membership is voluntary (seed 002): anyone may leave; the group's record of them stays confidential."""
    group, seat = await member_group(session, actor.id, group_id)
    await session.delete(seat)
    await session.flush()
    await record_group(session, group)
