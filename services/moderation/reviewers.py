"""Who reviews a flag. Outside peer groups: the hosts of the network where the item was seen. Inside a peer
group: its members (a late joiner only for what was written since their seat) and, only if the flagger chose so,
the network's hosts and coordinators, who then see that one flagged item and nothing else of the group."""

from events import audience
from events.audience import Audience, AudienceKind
from infra.viewer import Viewer
from services.moderation.tables import Flag

STAFF = ("host", "coordinator")


def confidential(keys: list[str]) -> bool:
    return bool(keys) and all(Audience.parse(key).kind is AudienceKind.PEER_GROUP for key in keys)


def reviews(flag: Flag, viewer: Viewer, role: str | None) -> bool:
    """Whether the viewer, with this role in the flag's network, may read and decide the flag."""
    if flag.author_id in viewer.blocked:
        return False
    if not confidential(flag.audience):
        return role == "host"
    inside = audience.admits(flag.audience, flag.written_at, viewer.audiences, viewer.sees_from)
    return inside or (flag.to_coordinators and role in STAFF)
