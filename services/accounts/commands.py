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
from infra.errors import InvalidInput, Unauthenticated
from infra.settings import Settings
from infra.text import clean_text
from services.accounts.credentials import (
    check_password,
    hash_password,
    new_token,
    normal_email,
    password_matches,
    token_hash,
)
from services.accounts.email_links import Purpose, send_link, tell_owner
from services.accounts.events import SessionsEnded
from services.accounts.tables import Account, AccountSession
from services.accounts.throttle import admit_sign_in


@dataclass(frozen=True)
class OpenedSession:
    account: Account
    token: str
    csrf_token: str | None


async def sign_up(
    db: Database, settings: Settings, email: str, password: str, name: str, verified: bool = False
) -> Account | None:
    """A new account, sent a link to verify its address (unless `verified`, as the demo's are); None when the
    address has an account already, whose owner is told by email. Both take the same work (the password hashed),
    so the caller's answer and its timing say nothing of which addresses have accounts."""
    account = Account(
        email=normal_email(email),
        name=clean_text(name, "A name", 120, 1),
        email_verified_at=utcnow() if verified else None,
    )
    await check_password(password, [account.email, account.name])
    account.password_hash = await hash_password(password)
    try:
        async with db.transaction() as session:
            session.add(account)
            await session.flush()
            if not verified:
                await send_link(session, settings, account.id, Purpose.VERIFY)
    except IntegrityError:
        async with db.transaction() as session:
            owner = await session.scalar(select(Account.id).where(Account.email == account.email))
            if owner is not None:
                await tell_owner(session, owner)
        return None
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


def announce_ended(session: AsyncSession, account_id: str) -> None:
    """Tells live connections (in every process, through the bus's live tail) to check their sessions again."""
    record(
        session,
        [
            new_event(
                SessionsEnded(account_id=account_id), subject=account_id, audience=[audience.PLATFORM.key], network=None
            )
        ],
    )


async def sign_out(db: Database, token: str) -> None:
    async with db.transaction() as session:
        ended = delete(AccountSession).where(AccountSession.token_hash == token_hash(token))
        account_id = await session.scalar(ended.returning(AccountSession.account_id))
        if account_id is not None:
            announce_ended(session, account_id)


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
        announce_ended(session, account.id)
    return await open_session(db, settings, account, browser)


async def grant_admin(db: Database, email: str) -> bool:
    """Makes an account a platform admin; False when no account has that email."""
    async with db.transaction() as session:
        account = await session.scalar(select(Account).where(Account.email == email.strip().lower()))
        if account is not None:
            account.is_admin = True
    return account is not None
