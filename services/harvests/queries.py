"""Reading harvests and consent requests."""

from sqlalchemy import ColumnElement, Select, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.viewer import Viewer
from services.harvests.tables import CitationRequest, Harvest, HarvestItem, Reach


def visible_harvests(viewer: Viewer, network_id: str | None, with_drafts: bool) -> Select[Harvest]:
    """Published harvests reaching the viewer (and network_id, if given); `with_drafts`: that network's drafts too."""
    shown: ColumnElement[bool] = exists().where(Reach.harvest_id == Harvest.id, Reach.key.in_(viewer.audiences))
    if network_id:
        shown &= exists().where(Reach.harvest_id == Harvest.id, Reach.key == audience.network(network_id))
        if with_drafts:
            shown |= (Harvest.status == "draft") & (Harvest.network_id == network_id)
    return select(Harvest).where(shown).order_by(Harvest.updated_at.desc(), Harvest.id)


async def requests_to(session: AsyncSession, author_id: str) -> list[tuple[CitationRequest, Harvest]]:
    query = (
        select(CitationRequest, Harvest)
        .join(Harvest, Harvest.id == CitationRequest.harvest_id)
        .where(CitationRequest.author_id == author_id)
        .order_by(CitationRequest.asked_at.desc())
    )
    return list((await session.execute(query)).all())


async def items_citing(session: AsyncSession, harvest_id: str, story_id: str) -> list[str]:
    items = await session.scalars(select(HarvestItem).where(HarvestItem.harvest_id == harvest_id))
    return [item.text for item in items if story_id in item.story_ids]
