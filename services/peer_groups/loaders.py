"""Per-request DataLoaders for lists of groups; each batch opens its own session, since Strawberry resolves
siblings concurrently."""

from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from services.networks import api as networks
from services.peer_groups import queries
from services.peer_groups.cadence import HeldMeeting
from services.peer_groups.tables import GroupMember

T = TypeVar("T")
ByGroup = Callable[[AsyncSession, list[str]], Awaitable[dict[str, list[T]]]]


def _per_group(context: RequestContext, by_group: ByGroup[T]) -> DataLoader[str, list[T]]:
    async def load(group_ids: list[str]) -> list[list[T]]:
        async with context.db.sessions() as session:
            found = await by_group(session, group_ids)
        return [found[group_id] for group_id in group_ids]

    return DataLoader(load_fn=load)


def seats_by_group(context: RequestContext) -> DataLoader[str, list[GroupMember]]:
    return _per_group(context, queries.seats_by_group)


def held_meetings_by_group(context: RequestContext) -> DataLoader[str, list[HeldMeeting]]:
    return _per_group(context, queries.held_meetings_by_group)


def names_by_member(context: RequestContext) -> DataLoader[str, str]:
    async def load(member_ids: list[str]) -> list[str]:
        found = await networks.member_names(context.db, member_ids)
        return [found.get(member_id, "") for member_id in member_ids]

    return DataLoader(load_fn=load)
