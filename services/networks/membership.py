"""Joining a network: invitations a member accepts, join requests a host approves, and roles."""

from collections.abc import Awaitable, Callable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import Conflict, Forbidden, InvalidInput, NotFound
from infra.text import clean_text
from infra.viewer import Viewer
from services.networks import events as ev
from services.networks.access import ROLES, hosted_network, hosts, keep_a_host, network_and_role, role_of
from services.networks.commands import add_member
from services.networks.tables import Invitation, JoinRequest, Membership, Network


async def invite(
    session: AsyncSession, viewer: Viewer, network_id: str, email: str, member_email_owner: str | None
) -> Invitation:
    """`member_email_owner` is the account that has this email, if any (asked of accounts by the caller)."""
    network = await hosted_network(session, viewer, network_id, "invite members")
    if member_email_owner and await role_of(session, network.id, member_email_owner):
        raise Conflict("That person is a member already.")
    pending = select(Invitation.id).where(
        Invitation.network_id == network.id, Invitation.email == email, Invitation.accepted_at.is_(None)
    )
    if await session.scalar(pending):
        raise Conflict("That person has an open invitation already.")
    invitation = Invitation(network_id=network.id, email=email, invited_by=viewer.account_id, created_at=utcnow())
    session.add(invitation)
    await session.flush()
    sent = ev.InvitationSent(invitation_id=invitation.id, network_id=network.id, invited_by=viewer.account_id)
    record(session, [new_event(sent, invitation.id, [audience.network(network.id)], network.id)])
    return invitation


async def accept_invitation(
    session: AsyncSession, viewer: Viewer, invitation_id: str, verified_email: str | None
) -> Network:
    """`verified_email` is the viewer's address if they proved it is theirs (asked of accounts by the caller): an
    invitation is for the owner of its address, not for whoever signed up with it. Addresses are kept lower case."""
    if verified_email is None:
        raise Forbidden("Verify your email address first: follow the link we emailed you, then accept.")
    mine = select(Invitation).where(Invitation.id == invitation_id, Invitation.email == verified_email.lower())
    invitation = await session.scalar(mine)
    if invitation is None:
        raise NotFound("No such invitation for you.")
    if invitation.accepted_at is not None:
        raise Conflict("You accepted this invitation already.")
    invitation.accepted_at = utcnow()
    network = await session.get_one(Network, invitation.network_id)
    if not await role_of(session, network.id, viewer.account_id):
        await add_member(session, viewer, network, "member")
    return network


async def request_to_join(session: AsyncSession, viewer: Viewer, network_id: str, message: str) -> JoinRequest:
    network, role = await network_and_role(session, viewer, network_id)
    if role:
        raise Conflict("You are a member already.")
    open_requests = select(func.count()).where(
        JoinRequest.network_id == network.id,
        JoinRequest.member_id == viewer.account_id,
        JoinRequest.status == "pending",
    )
    if await session.scalar(open_requests):
        raise Conflict("You asked to join already; a host will answer.")
    request = JoinRequest(
        network_id=network.id,
        member_id=viewer.account_id,
        message=clean_text(message, "A message", 2000),
        created_at=utcnow(),
    )
    session.add(request)
    await session.flush()
    return request


async def decide_join_request(
    session: AsyncSession,
    viewer: Viewer,
    request_id: str,
    approve: bool,
    applicant_of: Callable[[str], Awaitable[Viewer | None]],
) -> JoinRequest:
    """`applicant_of` finds the requesting member as a Viewer (name, email): asked of accounts by the caller."""
    # Only the network's hosts may learn that a request exists.
    hosted = select(JoinRequest).where(JoinRequest.id == request_id, hosts(viewer, JoinRequest.network_id))
    request = await session.scalar(hosted)
    if request is None:
        raise NotFound("No such join request.")
    network = await hosted_network(session, viewer, request.network_id, "answer join requests")
    if request.status != "pending":
        raise Conflict("This request was answered already.")
    request.status = "approved" if approve else "declined"
    decided = ev.JoinRequestDecided(
        request_id=request.id,
        network_id=network.id,
        member_id=request.member_id,
        approved=approve,
        actor_id=viewer.account_id,
    )
    record(session, [new_event(decided, request.id, [audience.network(network.id)], network.id)])
    if approve and (applicant := await applicant_of(request.member_id)) is not None:
        await add_member(session, applicant, network, "member")
    return request


async def set_role(session: AsyncSession, viewer: Viewer, network_id: str, member_id: str, role: str) -> Membership:
    await hosted_network(session, viewer, network_id, "change roles")
    if role not in ROLES:
        raise InvalidInput(f"A role is one of {', '.join(ROLES)}.")
    membership = await session.get(Membership, (network_id, member_id))
    if membership is None:
        raise NotFound("That person is not a member of the network.")
    if role != "host":
        await keep_a_host(session, membership)
    membership.role = role
    changed = ev.RoleChanged(network_id=network_id, member_id=member_id, role=role, actor_id=viewer.account_id)
    record(session, [new_event(changed, member_id, [audience.network(network_id)], network_id)])
    return membership
