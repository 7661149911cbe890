"""Who is calling: a bearer token (API clients) or a session cookie (browsers, with a CSRF token)."""

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, select, true, union_all
from starlette.datastructures import Headers

from events import audience
from infra.database import Database
from infra.viewer import BLOCK, LATE_SEAT, Standings, Viewer, standing_by
from services.accounts import api as accounts
from services.gateway.requests import HttpProblem
from services.moderation import api as moderation
from services.networks import api as networks
from services.peer_groups import api as peer_groups

CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Caller:
    viewer: Viewer | None
    token: str | None
    csrf_token: str | None = None


# Where a member stands in every service that decides what they see, as one statement, built once.
STANDING: Standings = union_all(*networks.CIRCLES, peer_groups.CIRCLES, peer_groups.LATE_SEATS, moderation.BLOCKS)
_HOLDER = accounts.HOLDER.subquery("holder")
_STANDS = standing_by(STANDING, accounts.HOLDER_ID).subquery("standing")
# Who holds a session token and where they stand, read in one statement (every request waits for it): a row per
# place they stand in, each with the holder's columns, or one row with no place; none for a token no one holds.
CALLER: Select[Any] = select(_HOLDER, *_STANDS.c).select_from(_HOLDER.outerjoin(_STANDS, true()))
HOLDS = len(_HOLDER.c)


def _viewer_of(holder: accounts.SessionHolder, rows: Iterable[tuple[str, str, datetime | None]]) -> Viewer:
    keys, late, blocked = {audience.PLATFORM.key}, {}, set()
    for kind, ident, since in rows:
        if kind == BLOCK:
            blocked.add(ident)
        elif kind != LATE_SEAT:
            keys.add(audience.key_of(kind, ident))
        elif since is not None:
            late[audience.peer_group(ident)] = since
    return Viewer(
        holder.account_id, holder.email, holder.name, holder.is_admin, frozenset(keys), late, frozenset(blocked)
    )


def _stands(row: Row[Any]) -> tuple[str, str, datetime | None]:
    kind, ident, since = row[HOLDS:]
    return kind, ident, since


async def _viewer(db: Database, token: str) -> tuple[Viewer, str | None] | None:
    """Who holds `token` and where they stand."""
    async with db.sessions() as session:
        rows = (await session.execute(CALLER, accounts.holding(token))).all()
    if not rows:
        return None
    holder = accounts.SessionHolder(*rows[0][:HOLDS])
    return _viewer_of(holder, [_stands(row) for row in rows if row[HOLDS] is not None]), holder.csrf_token


async def bearer(db: Database, token: str) -> Caller:
    found = await _viewer(db, token)
    if found is None:
        raise HttpProblem(401, "That token is not valid; sign in again.")
    return Caller(found[0], token)


async def identify(db: Database, headers: Headers, cookies: dict[str, str]) -> Caller:
    authorization = headers.get("authorization", "")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer":
            raise HttpProblem(401, "Use an Authorization: Bearer token.")
        return await bearer(db, token.strip())
    cookie = cookies.get(accounts.SESSION_COOKIE)
    found = await _viewer(db, cookie) if cookie else None
    return Caller(found[0], cookie, found[1]) if found else Caller(None, None)


def check_csrf(caller: Caller, headers: Headers) -> None:
    """Browser sessions must echo their CSRF token on every POST; bearer tokens cannot be sent by another site."""
    if caller.csrf_token is None:
        return
    if not hmac.compare_digest(headers.get(CSRF_HEADER, ""), caller.csrf_token):
        raise HttpProblem(403, "Missing or wrong CSRF token; reload the page.")
