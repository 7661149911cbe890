"""What other services and the gateway may ask of accounts."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import BindParameter, ScalarSelect, Select, String, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import UTCDateTime, utcnow
from infra.database import Database
from infra.errors import Unauthenticated
from services.accounts.credentials import normal_email, token_hash
from services.accounts.personal import confirm_password, erase_account, personal_data
from services.accounts.rate_store import DatabaseStorage
from services.accounts.tables import Account, AccountSession

__all__ = ["confirm_password", "erase_account", "normal_email", "personal_data"]

SESSION_COOKIE = "commons_session"
CSRF_COOKIE = "commons_csrf"


@dataclass(frozen=True)
class SessionHolder:
    account_id: str
    email: str
    name: str
    is_admin: bool
    # Set for browser sessions: mutations must echo it in the X-CSRF-Token header.
    csrf_token: str | None


# The open session a token names, by the token's hash and the time now (`holding` binds both). Built once: every
# request asks. The gateway reads the caller's standing in the same statement, its member given by HOLDER_ID.
TOKEN: BindParameter[str] = bindparam("session_token_hash", type_=String())
NOW: BindParameter[datetime] = bindparam("session_now", type_=UTCDateTime())
_OPEN = (AccountSession.token_hash == TOKEN, AccountSession.expires_at > NOW)
HOLDER: Select[str, str, str, bool, str | None] = (
    select(Account.id, Account.email, Account.name, Account.is_admin, AccountSession.csrf_token)
    .join(AccountSession, AccountSession.account_id == Account.id)
    .where(*_OPEN)
)
HOLDER_ID: ScalarSelect[str] = select(AccountSession.account_id).where(*_OPEN).scalar_subquery()


def holding(token: str) -> dict[str, object]:
    """The parameters that run HOLDER (or HOLDER_ID) for `token`."""
    return {TOKEN.key: token_hash(token), NOW.key: utcnow()}


async def holder_of(db: Database, token: str) -> SessionHolder | None:
    """The account behind a session token, if the token is known and not expired."""
    async with db.sessions() as session:
        return await holder_in(session, token)


async def holder_in(session: AsyncSession, token: str) -> SessionHolder | None:
    """As `holder_of`, in the caller's session."""
    row = (await session.execute(HOLDER, holding(token))).first()
    return SessionHolder(*row) if row else None


async def still_signed_in(session: AsyncSession, token: str | None) -> SessionHolder:
    """For what outlives a request (a subscription delivers for as long as its socket is open): the session that
    opened it must still be open, else nothing more is delivered."""
    holder = await holder_in(session, token) if token is not None else None
    if holder is None:
        raise Unauthenticated("Your session has ended; sign in again.")
    return holder


async def forget_ended_limits(db: Database) -> int:
    """Drops rate-limit counters whose window has ended (each would start afresh anyway); how many."""
    return await DatabaseStorage(db).forget_ended()


async def names_of(session: AsyncSession, account_ids: Iterable[str]) -> dict[str, str]:
    rows = await session.execute(select(Account.id, Account.name).where(Account.id.in_(list(account_ids))))
    return dict(rows.all())


async def account_id_for_email(db: Database, email: str) -> str | None:
    async with db.sessions() as session:
        return await session.scalar(select(Account.id).where(Account.email == email.strip().lower()))


async def verified_email(db: Database, account_id: str) -> str | None:
    """The account's address once its owner has proven it (followed the verification or a reset link), else None."""
    async with db.sessions() as session:
        query = select(Account.email).where(Account.id == account_id, Account.email_verified_at.is_not(None))
        return await session.scalar(query)


async def account(db: Database, account_id: str) -> SessionHolder | None:
    async with db.sessions() as session:
        row = await session.get(Account, account_id)
    return SessionHolder(row.id, row.email, row.name, row.is_admin, None) if row else None
