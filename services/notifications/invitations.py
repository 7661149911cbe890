"""Network invitations and join requests, told to the people they concern.

An invitation is to an email address, which may have no account yet: it is mailed to the address, with a link to
accept it (signing up or in first). It is not shown in anyone's inbox, since an account with that address need
not be its owner until verified. A decided join request is a notification to the applicant.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.envelope import Event
from services.networks import api as networks
from services.networks import events as network_events
from services.notifications.kinds import Kind
from services.notifications.notice import Happening, Notice
from services.notifications.outbox import Letter, queue_letter


async def invitation_sent(event: Event, session: AsyncSession) -> None:
    data = read(event, network_events.InvitationSent)
    invitation = await networks.invitation_glimpse(session, data.invitation_id)
    if invitation is None or invitation.accepted:
        return None
    letter = Letter(
        f"{invitation.inviter_name} invites you to join {invitation.network_name} on Practice Commons",
        f"{invitation.inviter_name} invites you to join {invitation.network_name}, a network on Practice Commons. "
        "Follow the link to accept: sign up with this address (or sign in), verify it, and you are in.",
        f"/invitations/{invitation.id}",
    )
    await queue_letter(session, f"invitation:{invitation.id}", letter, event.time, None, invitation.email)


async def join_request_decided(event: Event, session: AsyncSession) -> Happening:
    data = read(event, network_events.JoinRequestDecided)
    name = await networks.network_name_in(session, data.network_id) or "a network"
    phrase = f"your request to join {name} was {'approved' if data.approved else 'declined'}"
    path = f"/networks/{data.network_id}" if data.approved else "/networks"
    notice = Notice(
        Kind.JOIN_REQUEST_DECIDED, f"join_request:{data.request_id}", phrase, path, event.time, event.audience
    )
    return notice, [data.member_id]


NETWORK_READINGS = {
    "networks.invitation.sent": invitation_sent,
    "networks.join_request.decided": join_request_decided,
}
