"""Signing up, in and out. The only code that writes the accounts tables."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from infra.columns import utcnow
from infra.database import Database
from infra.errors import Conflict, InvalidInput, RateLimited
from infra.settings import Settings
from services.accounts.credentials import (
    check_password_rules,
    hash_password,
    new_token,
    normal_email,
    password_matches,
    token_hash,
)
from services.accounts.tables import Account, AccountSession, SignInFailure


@dataclass(frozen=True)
class OpenedSession:
    account: Account
    token: str
    csrf_token: str | None


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not 1 <= len(name) <= 120:
        raise InvalidInput("A name needs 1 to 120 characters.")
    return name


async def sign_up(db: Database, email: str, password: str, name: str, is_admin: bool = False) -> Account:
    account = Account(email=normal_email(email), name=_clean_name(name), is_admin=is_admin)
    check_password_rules(password)
    account.password_hash = await hash_password(password)
    try:
        async with db.transaction() as session:
            session.add(account)
    except IntegrityError:
        raise Conflict("An account with that email address exists already.") from None
    return account


async def _recent_failures(db: Database, keys: list[str]) -> int:
    since = utcnow() - timedelta(minutes=1)
    async with db.sessions() as session:
        query = select(func.count()).where(SignInFailure.key.in_(keys), SignInFailure.at >= since)
        return await session.scalar(query.group_by(SignInFailure.key).order_by(func.count().desc()).limit(1)) or 0


async def _record_failure(db: Database, keys: list[str]) -> None:
    async with db.transaction() as session:
        session.add_all(SignInFailure(key=key) for key in keys)


async def sign_in(
    db: Database, settings: Settings, email: str, password: str, address: str, browser: bool
) -> OpenedSession:
    email = email.strip().lower()
    keys = [f"account:{email}"[:300], f"address:{address}"[:300]]
    if await _recent_failures(db, keys) >= settings.sign_in_attempts_per_minute:
        raise RateLimited("Too many sign-in attempts; wait a minute and try again.")
    async with db.sessions() as session:
        account = await session.scalar(select(Account).where(Account.email == email))
    if not await password_matches(account.password_hash if account else None, password) or account is None:
        await _record_failure(db, keys)
        raise InvalidInput("Wrong email or password.")
    return await open_session(db, settings, account, browser)


async def open_session(db: Database, settings: Settings, account: Account, browser: bool) -> OpenedSession:
    token, csrf = new_token(), new_token() if browser else None
    async with db.transaction() as session:
        session.add(
            AccountSession(
                token_hash=token_hash(token),
                account_id=account.id,
                csrf_token=csrf,
                expires_at=utcnow() + timedelta(days=settings.session_days),
            )
        )
    return OpenedSession(account=account, token=token, csrf_token=csrf)


async def sign_out(db: Database, token: str) -> None:
    async with db.transaction() as session:
        await session.execute(delete(AccountSession).where(AccountSession.token_hash == token_hash(token)))


async def grant_admin(db: Database, email: str) -> bool:
    """Makes an account a platform admin; False when no account has that email."""
    async with db.transaction() as session:
        account = await session.scalar(select(Account).where(Account.email == email.strip().lower()))
        if account is not None:
            account.is_admin = True
    return account is not None
