"""Sign-in and sign-up limits under concurrency, as an attacker meets them: one loop, many attempts at once."""

import asyncio
import contextlib

from infra.database import Database
from infra.errors import DomainError, InvalidInput, RateLimited
from infra.settings import Settings
from services.accounts import api as accounts
from services.accounts import commands
from services.accounts.rate_store import DatabaseStorage
from tests.support.graphql import PASSWORD

OWNER = "owner@example.org"
HOME, ATTACKER = "192.0.2.10", "198.51.100.66"


async def _sign_in(db: Database, settings: Settings, password: str, address: str) -> str:
    """What the attempt got: a session token, or the code of its refusal."""
    try:
        return (await commands.sign_in(db, settings, OWNER, password, address, browser=False)).token
    except DomainError as refused:
        return refused.code


async def _owner(db: Database, settings: Settings) -> None:
    await commands.sign_up(db, settings, OWNER, PASSWORD, "Olu Owner", verified=True)


async def test_sixty_parallel_guesses_check_at_most_the_limit_and_the_right_one_is_refused(
    database: Database, settings: Settings
) -> None:
    await _owner(database, settings)
    guesses = [_sign_in(database, settings, f"wrong guess number {n}", ATTACKER) for n in range(59)]
    answers = await asyncio.gather(*guesses, _sign_in(database, settings, PASSWORD, ATTACKER))
    checked = [answer for answer in answers if answer != RateLimited.code]
    assert len(checked) <= settings.sign_in_attempts_per_minute
    assert answers.count(InvalidInput.code) >= len(checked) - 1
    # While the address is limited, even the right password is refused, before it is checked.
    assert await _sign_in(database, settings, PASSWORD, ATTACKER) == RateLimited.code


async def test_an_attacker_limited_at_their_address_does_not_lock_the_owner_out(
    database: Database, settings: Settings
) -> None:
    await _owner(database, settings)
    attempts = settings.sign_in_attempts_per_minute + 5
    answers = await asyncio.gather(*(_sign_in(database, settings, "not it at all", ATTACKER) for _ in range(attempts)))
    assert RateLimited.code in answers
    assert (await _sign_in(database, settings, PASSWORD, HOME)) not in (RateLimited.code, InvalidInput.code)


async def test_failures_from_one_address_across_accounts_are_limited(database: Database, settings: Settings) -> None:
    await _owner(database, settings)
    limited = settings.model_copy(update={"sign_in_attempts_per_address_minute": 5})
    for n in range(5):
        with contextlib.suppress(InvalidInput):
            await commands.sign_in(database, limited, f"guess{n}@example.org", "wrong password!", ATTACKER, False)
    assert await _sign_in(database, limited, PASSWORD, ATTACKER) == RateLimited.code
    assert await _sign_in(database, limited, PASSWORD, HOME) not in (RateLimited.code, InvalidInput.code)


async def test_ended_windows_are_forgotten_and_live_ones_kept(database: Database, settings: Settings) -> None:
    await _owner(database, settings)
    limited = settings.model_copy(update={"sign_in_attempts_per_minute": 2})
    assert await _sign_in(database, limited, "wrong guess again", ATTACKER) == InvalidInput.code
    await DatabaseStorage(database).incr("a window that has ended", 0)
    assert await accounts.forget_ended_limits(database) == 1
    assert await _sign_in(database, limited, "wrong guess again", ATTACKER) == InvalidInput.code
    assert await _sign_in(database, limited, PASSWORD, ATTACKER) == RateLimited.code
