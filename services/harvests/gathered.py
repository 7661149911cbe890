"""Which gathering a harvest belongs to: one of its own network's, not cancelled, asked of gatherings' api."""

from infra.database import Database
from infra.errors import InvalidInput, NotFound
from services.gatherings import api as gatherings


async def gathering_kind(db: Database, network_id: str, gathering_id: str | None, named: str | None) -> str:
    """The kind the harvest records: the gathering's own when it belongs to one, else the one the host named."""
    if gathering_id is None:
        if named is None:
            raise InvalidInput("Name the kind of gathering, or the gathering it harvests.")
        return named
    found = await gatherings.gathering_glimpse(db, gathering_id)
    if found is None or found.network_id != network_id:
        raise NotFound("No such gathering in this network.")
    if found.status != "scheduled":
        raise InvalidInput("A cancelled gathering has nothing to harvest.")
    return found.kind
