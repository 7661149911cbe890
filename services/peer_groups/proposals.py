"""Membership by consent: nobody enters a running group, nor sees what was said in it before they came, unless
every seated member agrees (and, for a seat, the invitee accepts). Hosts and coordinators may propose members,
themselves included; a proposal gives them nothing inside the group."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, NotFound
from services.peer_groups import events as ev
from services.peer_groups.access import NO_GROUP, Actor
from services.peer_groups.choices import release_choice
from services.peer_groups.groups import check_newcomer, checked_role, seat_member, seats
from services.peer_groups.publications import group_event
from services.peer_groups.tables import GroupMember, PeerGroup, Proposal, ProposalVote

SEAT, HISTORY = "seat", "history"
NO_PROPOSAL = "No such proposal."


async def proposable_group(session: AsyncSession, actor: Actor, group_id: str) -> PeerGroup:
    """Seated members and the network's hosts and coordinators propose; to anyone else the group does not exist."""
    group = await session.get(PeerGroup, group_id)
    if group is None:
        raise NotFound(NO_GROUP)
    if await session.get(GroupMember, (group.id, actor.id)) is None and not await actor.coordinates(group.network_id):
        raise NotFound(NO_GROUP)
    return group


async def propose_member(
    session: AsyncSession, actor: Actor, group_id: str, member_id: str, role: str | None
) -> Proposal:
    group = await proposable_group(session, actor, group_id)
    return await propose_seat(session, actor, group, member_id, role)


async def propose_seat(
    session: AsyncSession, actor: Actor, group: PeerGroup, member_id: str, role: str | None, chosen: bool = False
) -> Proposal:
    """Also how a mentee joins a mentor's circle: the mentor accepting their choice of its offer proposes them, and
    the mentee's choice (`chosen`) is their acceptance; the circle's members still agree to them."""
    current = await seats(session, group.id)
    await check_newcomer(actor, group, current, member_id)
    proposal = Proposal(
        group_id=group.id,
        kind=SEAT,
        member_id=member_id,
        role=checked_role(group, current, role),
        proposed_by=actor.id,
        invitee_accepts=True if member_id == actor.id or chosen else None,
        state="pending",
        created_at=utcnow(),
    )
    return await _open(session, group, proposal, current)


async def propose_history(session: AsyncSession, member_id: str, group_id: str, joiner_id: str) -> Proposal:
    """A seated member asks that a late joiner see what was said before they came."""
    current = await seats(session, group_id)
    joiner = next((seat for seat in current if seat.member_id == joiner_id), None)
    if joiner is None or member_id not in {seat.member_id for seat in current}:
        raise NotFound(NO_GROUP)
    if joiner.sees_from is None:
        raise Conflict("That member sees the group's whole history already.")
    proposal = Proposal(
        group_id=group_id,
        kind=HISTORY,
        member_id=joiner_id,
        proposed_by=member_id,
        state="pending",
        created_at=utcnow(),
    )
    return await _open(session, await session.get_one(PeerGroup, group_id), proposal, current)


async def _open(session: AsyncSession, group: PeerGroup, proposal: Proposal, current: list[GroupMember]) -> Proposal:
    pending = select(Proposal.id).where(
        Proposal.group_id == group.id,
        Proposal.kind == proposal.kind,
        Proposal.member_id == proposal.member_id,
        Proposal.state == "pending",
    )
    if await session.scalar(pending) is not None:
        raise Conflict("That proposal is open already; the group is answering it.")
    session.add(proposal)
    await session.flush()
    if proposal.proposed_by in {seat.member_id for seat in current} - {proposal.member_id}:
        session.add(ProposalVote(proposal_id=proposal.id, member_id=proposal.proposed_by, agrees=True))
    data = ev.ProposalMade(
        proposal_id=proposal.id,
        group_id=group.id,
        kind=proposal.kind,
        member_id=proposal.member_id,
        proposed_by=proposal.proposed_by,
    )
    record(session, [group_event(data, proposal.id, group)])
    await _settle(session, group, proposal)
    return proposal


async def answer_invitation(session: AsyncSession, member_id: str, proposal_id: str, accept: bool) -> Proposal:
    """The invitee's answer to a seat offered to them."""
    query = select(Proposal).where(
        Proposal.id == proposal_id, Proposal.member_id == member_id, Proposal.kind == SEAT, Proposal.state == "pending"
    )
    proposal = await session.scalar(query)
    if proposal is None:
        raise NotFound(NO_PROPOSAL)
    proposal.invitee_accepts = accept
    return await _answered(session, proposal, member_id, accept)


async def agree(session: AsyncSession, member_id: str, proposal_id: str, agrees: bool) -> Proposal:
    """A seated member's answer; one read that finds only open proposals of the member's own groups."""
    query = (
        select(Proposal)
        .join(GroupMember, (GroupMember.group_id == Proposal.group_id) & (GroupMember.member_id == member_id))
        .where(Proposal.id == proposal_id, Proposal.member_id != member_id, Proposal.state == "pending")
    )
    proposal = await session.scalar(query)
    if proposal is None:
        raise NotFound(NO_PROPOSAL)
    await session.merge(ProposalVote(proposal_id=proposal.id, member_id=member_id, agrees=agrees))
    return await _answered(session, proposal, member_id, agrees)


async def _answered(session: AsyncSession, proposal: Proposal, member_id: str, agrees: bool) -> Proposal:
    group = await session.get_one(PeerGroup, proposal.group_id)
    data = ev.ProposalAnswered(proposal_id=proposal.id, group_id=group.id, member_id=member_id, agrees=agrees)
    record(session, [group_event(data, proposal.id, group)])
    await session.flush()
    await _settle(session, group, proposal)
    return proposal


async def agreements(session: AsyncSession, proposal: Proposal) -> tuple[set[str], set[str]]:
    """Who must agree (everyone seated but the proposal's subject), and who did."""
    needed = {seat.member_id for seat in await seats(session, proposal.group_id)} - {proposal.member_id}
    votes = await session.execute(
        select(ProposalVote.member_id, ProposalVote.agrees).where(ProposalVote.proposal_id == proposal.id)
    )
    return needed, {voter for voter, agrees in votes.all() if agrees}


async def _settle(session: AsyncSession, group: PeerGroup, proposal: Proposal) -> None:
    """One "no" ends a proposal; all yeses (and the invitee's acceptance) carry it out."""
    votes = ProposalVote.proposal_id == proposal.id
    declined = select(ProposalVote.member_id).where(votes, ProposalVote.agrees.is_(False))
    if proposal.invitee_accepts is False or await session.scalar(declined) is not None:
        if proposal.kind == SEAT:
            await release_choice(session, group.id, proposal.member_id)
        return _close(session, group, proposal, carried=False)
    needed, agreed = await agreements(session, proposal)
    if not needed <= agreed or (proposal.kind == SEAT and not proposal.invitee_accepts):
        return None
    if proposal.kind == SEAT:
        await seat_member(session, group, proposal.member_id, proposal.role)
    else:
        (await session.get_one(GroupMember, (group.id, proposal.member_id))).sees_from = None
    return _close(session, group, proposal, carried=True)


def _close(session: AsyncSession, group: PeerGroup, proposal: Proposal, carried: bool) -> None:
    proposal.state = "carried" if carried else "declined"
    data = ev.ProposalClosed(
        proposal_id=proposal.id, group_id=group.id, kind=proposal.kind, member_id=proposal.member_id, carried=carried
    )
    record(session, [group_event(data, proposal.id, group)])
