"""Links emailed to an account's address: verify the address, reset the password, or tell its owner of a sign-up
attempt. A link works once and expires; its token is random and only the token's hash is kept, as for sessions.
The letters go through notifications' email outbox, queued in the caller's transaction."""

from datetime import timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import new_id, utcnow
from infra.errors import InvalidInput
from infra.settings import Settings
from services.accounts.credentials import new_token, token_hash
from services.accounts.neighbours import NEIGHBOURS, Letter
from services.accounts.tables import EmailLink


class Purpose(StrEnum):
    VERIFY = "verify"
    RESET = "reset"


LETTERS = {
    Purpose.VERIFY: (
        "Confirm your email address for Practice Commons",
        "Follow this link to confirm that this address is yours. It works once.",
        "/verify-email",
    ),
    Purpose.RESET: (
        "Reset your Practice Commons password",
        "Follow this link to choose a new password. It works once, and soon expires; if you did not ask "
        "for it, ignore this email.",
        "/reset-password",
    ),
}
TAKEN = Letter(
    "Someone tried to sign up with your address",
    "Someone, perhaps you, tried to make a new Practice Commons account with this email address, which has one "
    "already. If it was you, sign in; if you forgot your password, reset it here.",
    "/forgot-password",
)
EXPIRED = "That link is not valid any more: it was used already or has expired. Ask for a new one."


def _key(purpose: Purpose, hashed: str) -> str:
    return f"account:{purpose.value}:{hashed}"


def _lifetime(settings: Settings, purpose: Purpose) -> timedelta:
    if purpose is Purpose.VERIFY:
        return timedelta(hours=settings.verification_link_hours)
    return timedelta(minutes=settings.reset_link_minutes)


async def send_link(session: AsyncSession, settings: Settings, account_id: str, purpose: Purpose) -> None:
    token, now = new_token(), utcnow()
    hashed = token_hash(token)
    expires_at = now + _lifetime(settings, purpose)
    session.add(EmailLink(token_hash=hashed, account_id=account_id, purpose=purpose.value, expires_at=expires_at))
    subject, text, path = LETTERS[purpose]
    await NEIGHBOURS.queue_letter(
        session, _key(purpose, hashed), Letter(subject, text, f"{path}?token={token}"), now, account_id
    )


async def tell_owner(session: AsyncSession, account_id: str) -> None:
    """The owner of an address someone tried to sign up with hears of it, instead of the one who tried."""
    await NEIGHBOURS.queue_letter(session, f"account:taken:{new_id()}", TAKEN, utcnow(), account_id)


async def holder_of_link(session: AsyncSession, token: str, purpose: Purpose) -> str:
    """The account a live link is for, without using it up."""
    found = select(EmailLink.account_id).where(*_live(token, purpose))
    account_id = await session.scalar(found)
    if account_id is None:
        raise InvalidInput(EXPIRED)
    return account_id


async def use_link(session: AsyncSession, token: str, purpose: Purpose) -> str:
    """Uses a link up: of two concurrent uses, one deletes the row and the other finds it gone. Its letter, if not
    sent yet (the token reached its owner another way), is withdrawn."""
    used = delete(EmailLink).where(*_live(token, purpose)).returning(EmailLink.account_id)
    account_id = await session.scalar(used)
    if account_id is None:
        raise InvalidInput(EXPIRED)
    await NEIGHBOURS.withdraw_letter(session, _key(purpose, token_hash(token)))
    return account_id


def _live(token: str, purpose: Purpose) -> tuple[ColumnElement[bool], ...]:
    return (
        EmailLink.token_hash == token_hash(token),
        EmailLink.purpose == purpose.value,
        EmailLink.expires_at > utcnow(),
    )
