"""Signing up, in and out. The only code that writes the accounts tables."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.database import Database
from infra.errors import Conflict, InvalidInput, Unauthenticated
from infra.settings import Settings
from services.accounts.credentials import (
    check_password,
    hash_password,
    new_token,
    normal_email,
    password_matches,
    token_hash,
)
from services.accounts.events import SessionsEnded
from services.accounts.tables import Account, AccountSession
from services.accounts.throttle import admit_sign_in


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
    await check_password(password, [account.email, account.name])
    account.password_hash = await hash_password(password)
    try:
        async with db.transaction() as session:
            session.add(account)
    except IntegrityError:
        raise Conflict("An account with that email address exists already.") from None
    return account


async def sign_in(
    db: Database, settings: Settings, email: str, password: str, address: str, browser: bool
) -> OpenedSession:
    email = email.strip().lower()
    admitted = await admit_sign_in(db, settings, email, address)
    async with db.sessions() as session:
        account = await session.scalar(select(Account).where(Account.email == email))
    if not await password_matches(account.password_hash if account else None, password) or account is None:
        raise InvalidInput("Wrong email or password.")
    await admitted.give_back()
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


def _ended(session: AsyncSession, account_id: str) -> None:
    """Tells live connections (in every process, through the bus's live tail) to check their sessions again."""
    record(session, [new_event(SessionsEnded(account_id=account_id), subject=account_id,
                               audience=[audience.PLATFORM.key], network=None)])  # fmt: skip


async def sign_out(db: Database, token: str) -> None:
    async with db.transaction() as session:
        ended = delete(AccountSession).where(AccountSession.token_hash == token_hash(token))
        account_id = await session.scalar(ended.returning(AccountSession.account_id))
        if account_id is not None:
            _ended(session, account_id)


@dataclass(frozen=True)
class PasswordChange:
    account_id: str
    current: str
    new: str
    address: str


async def change_password(db: Database, settings: Settings, change: PasswordChange, browser: bool) -> OpenedSession:
    """Ends every session of the account (someone else may hold one) and opens a fresh one for the caller.
    Guesses of the current password are throttled as sign-ins are: a stolen session must not try them freely."""
    async with db.sessions() as session:
        account = await session.get(Account, change.account_id)
    if account is None:
        raise Unauthenticated()
    admitted = await admit_sign_in(db, settings, account.email, change.address)
    if not await password_matches(account.password_hash, change.current):
        raise InvalidInput("Your current password is not right.")
    await admitted.give_back()
    await check_password(change.new, [account.email, account.name])
    new_hash = await hash_password(change.new)
    async with db.transaction() as session:
        await session.execute(update(Account).where(Account.id == account.id).values(password_hash=new_hash))
        await session.execute(delete(AccountSession).where(AccountSession.account_id == account.id))
        _ended(session, account.id)
    return await open_session(db, settings, account, browser)


async def grant_admin(db: Database, email: str) -> bool:
    """Makes an account a platform admin; False when no account has that email."""
    async with db.transaction() as session:
        account = await session.scalar(select(Account).where(Account.email == email.strip().lower()))
        if account is not None:
            account.is_admin = True
    return account is not None
