"""Membership by consent, as notifications: a seat offered to you (what awaits your consent), a proposal awaiting
your agreement (to each seated member who has not given it), a proposal closed (seated or declined).

The one proposed is outside the group's space; they are told the group's name, as their invitation shows it
(confidentiality.ALSO), never anything said in it."""

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.notifications.kinds import Kind
from services.notifications.notice import Happening, Notice, group_path, in_group
from services.peer_groups import api as peer_groups
from services.peer_groups import events as groups

INVITATIONS = "/peer-groups"
SEAT = "seat"


def _notice(event: Event, kind: Kind, proposal_id: str, group_id: str, phrase: str, path: str) -> Notice:
    return Notice(kind, f"proposal:{proposal_id}", phrase, path, event.time, event.audience, group_id)


async def proposal_made(event: Event, session: AsyncSession) -> list[Happening]:
    data = read(event, groups.ProposalMade)
    group = await in_group(session, data.group_id)
    seated = set(await peer_groups.seated_member_ids(session, data.group_id)) - {data.member_id, data.proposed_by}
    if data.kind == SEAT:
        asked = f"a seat in {group} is proposed for a new member: the group awaits your agreement"
        offer = f"you are invited to a seat in {group}: read its contract, then accept or decline"
        invitee = [] if data.member_id == data.proposed_by else [data.member_id]
        told = [(_notice(event, Kind.SEAT_PROPOSED, data.proposal_id, data.group_id, offer, INVITATIONS), invitee)]
    else:
        asked, told = f"opening the history of {group} to a member who joined later awaits your agreement", []
    awaiting = _notice(event, Kind.PROPOSAL_AWAITING, data.proposal_id, data.group_id, asked, group_path(data.group_id))
    return [(awaiting, sorted(seated)), *told]


async def proposal_closed(event: Event, session: AsyncSession) -> list[Happening]:
    data = read(event, groups.ProposalClosed)
    group = await in_group(session, data.group_id)
    if data.kind == SEAT:
        yours = f"you have a seat in {group}" if data.carried else f"the seat proposed to you in {group} was declined"
        theirs = f"a new member has a seat in {group}" if data.carried else f"a seat proposed in {group} was declined"
    else:
        opened = "is open" if data.carried else "stays closed"
        yours, theirs = f"the history of {group} {opened} to you", f"the history of {group} {opened} to a late joiner"
    path = INVITATIONS if data.kind == SEAT and not data.carried else group_path(data.group_id)
    members = set(await peer_groups.consenting_member_ids(session, data.group_id)) - {data.member_id}
    return [
        (_notice(event, Kind.PROPOSAL_CLOSED, data.proposal_id, data.group_id, yours, path), [data.member_id]),
        (
            _notice(event, Kind.PROPOSAL_CLOSED, data.proposal_id, data.group_id, theirs, group_path(data.group_id)),
            sorted(members),
        ),
    ]
