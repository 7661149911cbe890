"""Accounts email links (verify, reset, "your address was tried") through notifications' email outbox, queued in
the caller's transaction since no event may carry a token. Notifications builds on accounts (it reads the address
it sends to), so the outbox plugs in here, wired by the composition root (`commons/runtime.py`), and accounts
imports nothing of notifications."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class Letter:
    """Its link is a path under COMMONS_PUBLIC_URL, made whole when it is sent."""

    subject: str
    text: str
    path: str


async def _unwired_queue(session: AsyncSession, key: str, letter: Letter, now: datetime, to: str | None) -> None:
    raise RuntimeError("accounts' neighbours are not wired: build a commons.runtime.Runtime first")


async def _unwired_withdraw(session: AsyncSession, key: str) -> None:
    raise RuntimeError("accounts' neighbours are not wired: build a commons.runtime.Runtime first")


@dataclass
class Neighbours:
    # Once per key, to the account's address; withdrawn by key while not sent yet.
    queue_letter: Callable[[AsyncSession, str, Letter, datetime, str | None], Awaitable[None]] = _unwired_queue
    withdraw_letter: Callable[[AsyncSession, str], Awaitable[None]] = _unwired_withdraw


NEIGHBOURS = Neighbours()
