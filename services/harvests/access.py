"""Who may see or curate a harvest: drafts are for the network's hosts, published harvests for their audience."""

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.database import Database
from infra.errors import Conflict, Forbidden, NotFound
from infra.viewer import Viewer
from services.harvests.tables import Harvest, Reach
from services.networks import api as networks


async def is_host(db: Database, viewer: Viewer, network_id: str) -> bool:
    return await networks.role_in(db, network_id, viewer.account_id) == "host"


async def hosting(db: Database, viewer: Viewer, network_id: str) -> None:
    if audience.network(network_id) not in viewer.audiences:
        raise NotFound("No such network.")
    if not await is_host(db, viewer, network_id):
        raise Forbidden("Only the network's hosts may curate harvests.")


async def _harvest_and_hosting(session: AsyncSession, viewer: Viewer, harvest_id: str) -> tuple[Harvest, bool]:
    """The harvest and whether the viewer hosts its network, in one read that finds only what the viewer may read:
    a published harvest reaching them, or any harvest of a network they host. Hidden and missing read the same."""
    hosted = Harvest.network_id.in_(networks.hosted_by(viewer.account_id))
    reaches = exists().where(Reach.harvest_id == Harvest.id, Reach.key.in_(sorted(viewer.audiences)))
    query = select(Harvest, hosted).where(
        Harvest.id == harvest_id, or_((Harvest.status == "published") & reaches, hosted)
    )
    found = (await session.execute(query)).first()
    if found is None:
        raise NotFound("No such harvest.")
    return found[0], bool(found[1])


async def readable_harvest(session: AsyncSession, viewer: Viewer, harvest_id: str) -> Harvest:
    return (await _harvest_and_hosting(session, viewer, harvest_id))[0]


async def hosted_harvest(session: AsyncSession, viewer: Viewer, harvest_id: str) -> Harvest:
    """A harvest, draft or published, of a network the viewer hosts."""
    harvest, hosted = await _harvest_and_hosting(session, viewer, harvest_id)
    if not hosted:
        raise Forbidden("Only the network's hosts may curate harvests.")
    return harvest


async def draft_harvest(session: AsyncSession, viewer: Viewer, harvest_id: str) -> Harvest:
    """A draft the viewer co-hosts; a published harvest's items are final."""
    harvest = await hosted_harvest(session, viewer, harvest_id)
    if harvest.status != "draft":
        raise Conflict("This harvest is published; published harvests are final.")
    return harvest
