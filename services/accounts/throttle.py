"""Rate limits on signing in and up, with the `limits` package's fixed windows counted in our database.

An attempt is counted before its password is checked, so concurrent attempts cannot all pass as the same one.
Sign-ins count per (account, address), per address and, looser, per account; a sign-in that succeeds gives its
hits back, so only failures add up. The account ceiling counts only attempts its narrower limits let through:
an attacker refused at their own address spends nothing of the owner's allowance elsewhere.
"""

import hashlib
from dataclasses import dataclass

from limits import RateLimitItem, RateLimitItemPerHour, RateLimitItemPerMinute
from limits.aio.strategies import FixedWindowRateLimiter

from infra.database import Database
from infra.errors import RateLimited
from infra.settings import Settings
from services.accounts.rate_store import DatabaseStorage

SIGN_IN_REFUSED = "Too many sign-in attempts; wait a minute and try again."
SIGN_UP_REFUSED = "Too many new accounts from your address; try again in an hour."
RESET_REFUSED = "Too many password resets asked from your address; try again in an hour."

Limit = tuple[RateLimitItem, tuple[str, ...]]


@dataclass(frozen=True)
class Admitted:
    """An attempt let through, with the counter keys it added to."""

    storage: DatabaseStorage
    keys: tuple[str, ...]

    async def give_back(self) -> None:
        for key in self.keys:
            await self.storage.decr(key)


def _digest(email: str) -> str:
    """Keys name an account by a digest: bounded length, and no email address kept in the counters."""
    return hashlib.sha256(email.encode()).hexdigest()[:32]


async def _admit(db: Database, limits: list[Limit], refusal: str) -> Admitted:
    storage = DatabaseStorage(db)
    limiter, counted = FixedWindowRateLimiter(storage), []
    for item, identifiers in limits:
        if not await limiter.hit(item, *identifiers):
            raise RateLimited(refusal)
        counted.append(item.key_for(*identifiers))
    return Admitted(storage, tuple(counted))


async def admit_sign_in(db: Database, settings: Settings, email: str, address: str) -> Admitted:
    account = _digest(email)
    limits: list[Limit] = [
        (RateLimitItemPerMinute(settings.sign_in_attempts_per_minute), ("sign_in", account, address)),
        (RateLimitItemPerMinute(settings.sign_in_attempts_per_address_minute), ("sign_in_address", address)),
        (RateLimitItemPerMinute(settings.sign_in_attempts_per_account_minute), ("sign_in_account", account)),
    ]
    return await _admit(db, limits, SIGN_IN_REFUSED)


async def admit_sign_up(db: Database, settings: Settings, address: str) -> None:
    limit = (RateLimitItemPerHour(settings.sign_ups_per_address_hour), ("sign_up", address))
    await _admit(db, [limit], SIGN_UP_REFUSED)


async def admit_reset(db: Database, settings: Settings, address: str) -> None:
    """Each reset asked sends an email: limited per address like sign-ups, so nobody floods an inbox from here."""
    limit = (RateLimitItemPerHour(settings.sign_ups_per_address_hour), ("reset", address))
    await _admit(db, [limit], RESET_REFUSED)
