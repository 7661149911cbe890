"""Per-request DataLoaders; each batch opens its own session, since Strawberry resolves siblings concurrently."""

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from services.networks import queries
from services.networks.tables import LocalGroup, Network, Profile


def local_groups_by_member(context: RequestContext) -> DataLoader[str, list[LocalGroup]]:
    async def load(member_ids: list[str]) -> list[list[LocalGroup]]:
        async with context.db.sessions() as session:
            found = await queries.local_groups_by_member(session, member_ids)
        return [found[member_id] for member_id in member_ids]

    return DataLoader(load_fn=load)


def networks_by_id(context: RequestContext) -> DataLoader[str, Network | None]:
    async def load(ids: list[str]) -> list[Network | None]:
        async with context.db.sessions() as session:
            found = {n.id: n for n in await session.scalars(select(Network).where(Network.id.in_(ids)))}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


def profiles_by_id(context: RequestContext) -> DataLoader[str, Profile | None]:
    async def load(ids: list[str]) -> list[Profile | None]:
        async with context.db.sessions() as session:
            found = {p.member_id: p for p in await session.scalars(select(Profile).where(Profile.member_id.in_(ids)))}
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)
