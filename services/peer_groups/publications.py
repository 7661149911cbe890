"""How a group, its meetings and a scheme look to search and feeds: titles only for groups, to their own audience;
a scheme (aims and eligibility) to its network."""

from events import audience
from events.catalogue import Payload, new_event
from events.envelope import Event
from events.publication import Publication
from services.peer_groups.tables import Meeting, PeerGroup, Scheme


def group_audience(group_id: str) -> list[str]:
    return [audience.peer_group(group_id)]


def group_event(data: Payload, subject: str, group: PeerGroup) -> Event:
    return new_event(data, subject=subject, audience=group_audience(group.id), network=group.network_id)


def group_publication(group: PeerGroup) -> Publication:
    return Publication(
        kind="peer_group",
        title=group.name,
        network_ids=[group.network_id],
        peer_group_id=group.id,
        created_at=group.started_at,
        updated_at=group.started_at,
        path=f"/peer-groups/{group.id}",
    )


def meeting_publication(group: PeerGroup, meeting: Meeting) -> Publication:
    return Publication(
        kind="meeting",
        title=f"{group.name}: meeting on {meeting.starts_at:%d %b %Y}",
        text=meeting.mode.replace("_", " "),
        network_ids=[group.network_id],
        peer_group_id=group.id,
        created_at=meeting.created_at,
        updated_at=meeting.created_at,
        path=f"/peer-groups/{group.id}/meetings/{meeting.id}",
    )


def scheme_publication(scheme: Scheme) -> Publication:
    """A scheme as its network's members may find it: what it is for and who may take part; open to apply."""
    return Publication(
        kind="scheme",
        title=scheme.name,
        text="\n".join([scheme.aims, *scheme.eligibility]).strip(),
        network_ids=[scheme.network_id],
        created_at=scheme.created_at,
        updated_at=scheme.created_at,
        path=f"/networks/{scheme.network_id}/schemes/{scheme.id}",
    )
