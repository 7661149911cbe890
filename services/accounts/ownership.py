"""Proving an address is yours: following the verification link, or resetting a forgotten password by a link.

An unverified account may sign in and do what any member does, except accept an invitation: those are for the
proven owner of the invited address (networks asks `accounts.api.verified_email`).
"""

from sqlalchemy import delete, select, update

from infra.columns import utcnow
from infra.database import Database
from infra.settings import Settings
from services.accounts.commands import OpenedSession, announce_ended, open_session
from services.accounts.credentials import check_password, hash_password, normal_email
from services.accounts.email_links import Purpose, holder_of_link, send_link, use_link
from services.accounts.tables import Account, AccountSession


async def verify_email(db: Database, token: str) -> Account:
    async with db.transaction() as session:
        account = await session.get_one(Account, await use_link(session, token, Purpose.VERIFY))
        account.email_verified_at = account.email_verified_at or utcnow()
    return account


async def request_password_reset(db: Database, settings: Settings, email: str) -> None:
    """Emails a reset link when the address has an account; does nothing else (the caller answers the same)."""
    email = normal_email(email)
    async with db.transaction() as session:
        account_id = await session.scalar(select(Account.id).where(Account.email == email))
        if account_id is not None:
            await send_link(session, settings, account_id, Purpose.RESET)


async def reset_password(
    db: Database, settings: Settings, token: str, new_password: str, browser: bool
) -> OpenedSession:
    """Sets the password, ends every session of the account and opens one for the caller. A password too weak
    leaves the link unused; following it proves the address, so the account is verified too."""
    async with db.sessions() as session:
        account = await session.get_one(Account, await holder_of_link(session, token, Purpose.RESET))
    await check_password(new_password, [account.email, account.name])
    new_hash = await hash_password(new_password)
    async with db.transaction() as session:
        await use_link(session, token, Purpose.RESET)
        await session.execute(
            update(Account)
            .where(Account.id == account.id)
            .values(password_hash=new_hash, email_verified_at=account.email_verified_at or utcnow())
        )
        await session.execute(delete(AccountSession).where(AccountSession.account_id == account.id))
        announce_ended(session, account.id)
    return await open_session(db, settings, account, browser)
