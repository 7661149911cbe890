"""Published harvests as moderation sees them: what a member may flag, and a reviewer's decision applied here.
Hidden, a harvest reaches no circle (its network's hosts still read it, marked hidden) and its publication is
None, so search and feeds drop it; restored, it reaches again the networks it was published to."""

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from infra.errors import NotFound
from infra.flaggable import Flaggable
from infra.viewer import Viewer
from services.harvests import events as ev
from services.harvests.access import readable_harvest
from services.harvests.commands import announce
from services.harvests.tables import Harvest, Reach


async def flaggable(db: Database, viewer: Viewer, kind: str, harvest_id: str) -> Flaggable:
    async with db.sessions() as session:
        harvest = await readable_harvest(session, viewer, harvest_id)
    if harvest.published_at is None or harvest.created_by in viewer.blocked:
        raise NotFound("No such harvest.")
    return Flaggable(
        "harvest",
        harvest.id,
        harvest.network_id,
        harvest.created_by,
        tuple(harvest.audience),
        f"{harvest.title}\n\n{harvest.summary}",
        harvest.published_at,
    )


async def set_hidden(session: AsyncSession, kind: str, harvest_id: str, hidden: bool) -> None:
    harvest = await session.get(Harvest, harvest_id)
    if harvest is None:
        return
    harvest.hidden = hidden
    await session.execute(delete(Reach).where(Reach.harvest_id == harvest.id))
    session.add_all(Reach(harvest_id=harvest.id, key=key) for key in ([] if hidden else harvest.audience))
    await announce(session, harvest, ev.HarvestModerated, hidden=hidden)
