"""Who is calling: a bearer token (API clients) or a session cookie (browsers, with a CSRF token)."""

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import CompoundSelect, union_all
from starlette.datastructures import Headers

from events import audience
from infra.database import Database
from infra.viewer import BLOCK, LATE_SEAT, Viewer, standing_of
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
STANDING: CompoundSelect[str, str, datetime | None] = union_all(
    *networks.CIRCLES, peer_groups.CIRCLES, peer_groups.LATE_SEATS, moderation.BLOCKS
)


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


async def _viewer(db: Database, token: str) -> tuple[Viewer, str | None] | None:
    """Who holds `token` and where they stand, read in one session and two statements: every request waits for
    this."""
    async with db.sessions() as session:
        holder = await accounts.holder_in(session, token)
        if holder is None:
            return None
        rows = await session.execute(STANDING, standing_of(holder.account_id))
    return _viewer_of(holder, rows), holder.csrf_token


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
