"""Per-request DataLoaders; each batch opens its own sessions, since Strawberry resolves siblings concurrently."""

from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from services.harvests.reading import ShownItem, items_by_harvest


def shown_items_by_harvest(context: RequestContext) -> DataLoader[str, list[ShownItem]]:
    """Each harvest's items as the request's viewer may read them."""

    async def load(harvest_ids: list[str]) -> list[list[ShownItem]]:
        found = await items_by_harvest(context.db, context.member(), harvest_ids)
        return [found[harvest_id] for harvest_id in harvest_ids]

    return DataLoader(load_fn=load)
