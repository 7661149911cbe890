"""Who may see or curate a harvest: drafts are for the network's hosts, published harvests for their audience."""

from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.database import Database
from infra.errors import Conflict, Forbidden, NotFound
from infra.viewer import Viewer
from services.harvests.tables import Harvest
from services.networks import api as networks


async def is_host(db: Database, viewer: Viewer, network_id: str) -> bool:
    return await networks.role_in(db, network_id, viewer.account_id) == "host"


async def hosting(db: Database, viewer: Viewer, network_id: str) -> None:
    if audience.network(network_id) not in viewer.audiences:
        raise NotFound("No such network.")
    if not await is_host(db, viewer, network_id):
        raise Forbidden("Only the network's hosts may curate harvests.")


async def may_read(db: Database, viewer: Viewer | None, harvest: Harvest | None) -> bool:
    if harvest is None or viewer is None:
        return False
    if harvest.status == "published" and audience.may_see(harvest.audience, viewer.audiences):
        return True
    return await is_host(db, viewer, harvest.network_id)


async def readable_harvest(session: AsyncSession, db: Database, viewer: Viewer, harvest_id: str) -> Harvest:
    harvest = await session.get(Harvest, harvest_id)
    if harvest is None or not await may_read(db, viewer, harvest):
        raise NotFound("No such harvest.")
    return harvest


async def draft_harvest(session: AsyncSession, db: Database, viewer: Viewer, harvest_id: str) -> Harvest:
    """A draft the viewer co-hosts; a published harvest is final."""
    harvest = await readable_harvest(session, db, viewer, harvest_id)
    if not await is_host(db, viewer, harvest.network_id):
        raise Forbidden("Only the network's hosts may curate harvests.")
    if harvest.status != "draft":
        raise Conflict("This harvest is published; published harvests are final.")
    return harvest
