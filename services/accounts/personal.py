"""A member's data rights in accounts: their account (never its password's hash) for their export; the password
re-entered before erasure (throttled as sign-ins are); and the erasure itself, which ends every session."""

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from infra.errors import InvalidInput, Unauthenticated
from infra.personal_data import PersonalData, record_of
from infra.settings import Settings
from services.accounts.commands import announce_ended
from services.accounts.credentials import password_matches
from services.accounts.tables import Account
from services.accounts.throttle import admit_sign_in


async def personal_data(session: AsyncSession, account_id: str) -> PersonalData:
    found = await session.scalars(select(Account).where(Account.id == account_id))
    return {"account": [record_of(account, leave=("password_hash",)) for account in found]}


async def confirm_password(db: Database, settings: Settings, account_id: str, password: str, address: str) -> None:
    """Raises unless `password` is the account's; guesses count against the sign-in limits."""
    async with db.sessions() as session:
        account = await session.get(Account, account_id)
    if account is None:
        raise Unauthenticated()
    admitted = await admit_sign_in(db, settings, account.email, address)
    if not await password_matches(account.password_hash, password):
        raise InvalidInput("That is not your password; your account was not deleted.")
    await admitted.give_back()


async def erase_account(session: AsyncSession, account_id: str) -> None:
    """The account goes, with its sessions and emailed links; open connections are told to close."""
    await session.execute(delete(Account).where(Account.id == account_id))
    announce_ended(session, account_id)
