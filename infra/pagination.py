"""Relay-style cursor connections shared by every service's lists.

Cursors are opaque to clients: base64 of an offset into the list's stable order.
"""

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import strawberry
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from infra.errors import InvalidInput

T = TypeVar("T")
R = TypeVar("R")  # a row of a list's query
MAX_PAGE = 100
# Far beyond any list here; larger offsets are forged and would overflow the database's integers.
MAX_OFFSET = 10_000_000


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


@dataclass(frozen=True)
class Page:
    offset: int
    limit: int


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        kind, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        offset = int(value)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidInput("That cursor is not one this list gave out.") from None
    if kind != "o" or not 0 <= offset <= MAX_OFFSET:
        raise InvalidInput("That cursor is not one this list gave out.")
    return offset


def page(first: int | None, after: str | None) -> Page:
    limit = 20 if first is None else first
    if not 0 <= limit <= MAX_PAGE:
        raise InvalidInput(f"first must be between 0 and {MAX_PAGE}.")
    return Page(offset=decode_cursor(after) + 1 if after else 0, limit=limit)


def connection(nodes: list[T], window: Page, total: int) -> Connection[T]:
    """`nodes` is the page fetched with limit+1 rows, so that one extra row tells whether more follow."""
    shown = nodes[: window.limit]
    edges = [Edge(cursor=encode_cursor(window.offset + i), node=node) for i, node in enumerate(shown)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(nodes) > window.limit,
            has_previous_page=window.offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


async def windowed(session: AsyncSession, query: Select[R], window: Page) -> tuple[list[R], int]:
    """One page (plus one row, to tell whether more follow) and the total."""
    total = await session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = await session.scalars(query.offset(window.offset).limit(window.limit + 1))
    return list(rows), total


async def paged(
    db: Database, query: Select[R], first: int | None, after: str | None, wrap: Callable[[R], T]
) -> Connection[T]:
    """One page of `query` as a connection, each row wrapped as its GraphQL type."""
    window = page(first, after)
    async with db.sessions() as session:
        rows, total = await windowed(session, query, window)
    return connection([wrap(row) for row in rows], window, total)
