"""How a published harvest looks to search and feeds, and the events that carry it."""

from events.audience import Audience
from events.publication import Publication
from services.harvests.tables import Harvest, HarvestItem
from services.knowledge.api import plain_text


def harvest_publication(harvest: Harvest, items: list[HarvestItem]) -> Publication | None:
    if harvest.status != "published" or harvest.published_at is None or harvest.hidden:
        return None
    return Publication(
        kind="harvest",
        title=harvest.title,
        text=plain_text("\n\n".join([harvest.summary, *(item.text for item in items)])),
        practice_areas=harvest.practice_areas,
        tags=[harvest.gathering],
        author_id=harvest.created_by,
        author_name=harvest.created_by_name,
        network_ids=[Audience.parse(key).id or "" for key in harvest.audience],
        created_at=harvest.published_at,
        updated_at=harvest.updated_at,
        path=f"/harvests/{harvest.id}",
    )
