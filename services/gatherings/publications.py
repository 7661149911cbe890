"""How a gathering looks to search and feeds, and the events that carry it to its circle."""

from events.catalogue import Payload, new_event
from events.envelope import Event
from events.publication import Publication
from services.gatherings.kinds import NAMES
from services.gatherings.tables import Gathering


def gathering_publication(gathering: Gathering) -> Publication | None:
    """None once cancelled: a cancelled gathering leaves search and feeds."""
    if gathering.status != "scheduled":
        return None
    where = gathering.place or gathering.link
    return Publication(
        kind="gathering",
        title=gathering.title,
        text=f"{NAMES[gathering.kind]}, {gathering.starts_at:%d %b %Y %H:%M} UTC, {where}.\n\n{gathering.agenda}",
        tags=[gathering.kind],
        author_id=gathering.created_by,
        author_name=gathering.created_by_name,
        network_ids=[gathering.network_id],
        local_group_id=gathering.local_group_id,
        created_at=gathering.created_at,
        updated_at=gathering.updated_at,
        path=f"/gatherings/{gathering.id}",
    )


def event(data: Payload, gathering: Gathering) -> Event:
    return new_event(data, subject=gathering.id, audience=[gathering.audience_key], network=gathering.network_id)
