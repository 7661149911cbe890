"""Events of the networks service. Each entity event carries the `publication` search and feeds need."""

from events.catalogue import Payload, payload
from events.publication import Publication


@payload("networks.network.changed", 1)
class NetworkChanged(Payload):
    network_id: str
    name: str
    is_public: bool
    publication: Publication | None


@payload("networks.local_group.changed", 1)
class LocalGroupChanged(Payload):
    local_group_id: str
    network_id: str
    name: str
    practice_areas: list[str]
    publication: Publication | None


@payload("networks.member.joined", 1)
class MemberJoined(Payload):
    """A member joined a network (invitation accepted, request approved, or founding host)."""

    personal = {"member_name": "member_id"}

    network_id: str
    member_id: str
    member_name: str
    role: str


@payload("networks.local_group.member_joined", 1)
class LocalGroupMemberJoined(Payload):
    local_group_id: str
    network_id: str
    member_id: str


@payload("networks.profile.changed", 1)
class ProfileChanged(Payload):
    member_id: str
    network_ids: list[str]
    local_group_ids: list[str]
    practice_areas: list[str]
    publication: Publication | None


class ConnectionEvent(Payload):
    """Networks connecting: audience both networks, so feeds and search can widen what flows between them."""

    connection_id: str
    proposer_id: str
    partner_id: str


@payload("networks.connection.proposed", 1)
class ConnectionProposed(ConnectionEvent):
    pass


@payload("networks.connection.made", 1)
class ConnectionMade(ConnectionEvent):
    pass


@payload("networks.connection.declined", 1)
class ConnectionDeclined(ConnectionEvent):
    pass


@payload("networks.invitation.sent", 1)
class InvitationSent(Payload):
    """A host invited an email address. The address is not carried: notifications asks networks' api for it."""

    invitation_id: str
    network_id: str
    invited_by: str


@payload("networks.join_request.decided", 1)
class JoinRequestDecided(Payload):
    request_id: str
    network_id: str
    member_id: str
    approved: bool
    # Who decided, for the record of hosts' acts (absent from events written before it).
    actor_id: str | None = None


@payload("networks.member.role_changed", 1)
class RoleChanged(Payload):
    """A host made a member a host, coordinator or member; for the record of hosts' acts. Audience: the network."""

    network_id: str
    member_id: str
    role: str
    actor_id: str


@payload("networks.member.removed", 1)
class MemberRemoved(Payload):
    """A host removed a member from the network, saying why. Audience: the removed member only; the reason is
    sealed with their key, so erasing them erases it from the log too."""

    personal = {"reason": "member_id"}

    network_id: str
    member_id: str
    reason: str
    actor_id: str
