"""Per-request DataLoaders from batch reads: a service's `loaders.py` names what it loads, this opens the session;
its `queries.py` reads many keys at once and groups the rows by key."""

from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from infra.context import RequestContext

T = TypeVar("T")
R = TypeVar("R")
# Reads the values of many keys in one session; every key asked for is in the answer.
Batch = Callable[[AsyncSession, list[str]], Awaitable[Mapping[str, T]]]


def batched(context: RequestContext, batch: Batch[T]) -> DataLoader[str, T]:
    """Each batch opens its own session, since Strawberry resolves siblings concurrently."""

    async def load(keys: list[str]) -> list[T]:
        async with context.db.sessions() as session:
            found = await batch(session, keys)
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)


def grouped(keys: list[str], rows: Iterable[R], key_of: Callable[[R], str]) -> dict[str, list[R]]:
    """A batch read's rows by their key, in the rows' order; every key asked for is there (maybe with none)."""
    found: dict[str, list[R]] = {key: [] for key in keys}
    for row in rows:
        found[key_of(row)].append(row)
    return found
