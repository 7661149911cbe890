"""Per-request DataLoaders from batch reads: a service's `loaders.py` names what it loads, this opens the session."""

from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from infra.context import RequestContext

T = TypeVar("T")
# Reads the values of many keys in one session; every key asked for is in the answer.
Batch = Callable[[AsyncSession, list[str]], Awaitable[Mapping[str, T]]]


def batched(context: RequestContext, batch: Batch[T]) -> DataLoader[str, T]:
    """Each batch opens its own session, since Strawberry resolves siblings concurrently."""

    async def load(keys: list[str]) -> list[T]:
        async with context.db.sessions() as session:
            found = await batch(session, keys)
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)
