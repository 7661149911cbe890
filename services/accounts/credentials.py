"""Passwords (argon2, judged by zxcvbn) and session tokens (random, stored hashed)."""

import asyncio
import hashlib
import re
import secrets
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from infra.errors import InvalidInput

T = TypeVar("T")
_hasher = PasswordHasher()
# Password work runs on threads of its own, never the event loop: in the default pool a burst of sign-ups would
# queue ahead of everything else that waits there (search counting facets, the index writing), and more threads
# than cores only make every hash slower.
_workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="passwords")
# zxcvbn's "safely unguessable: moderate protection from an offline slow-hash scenario".
_STRONG_ENOUGH = 3
# zxcvbn refuses longer input (its cost grows fast); the first 72 characters' strength is a floor for the whole.
_JUDGED = 72
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
# Checked against a real hash when the email is unknown, so timing does not tell which accounts exist.
_DECOY = _hasher.hash("not a password of anyone")


def normal_email(email: str) -> str:
    email = email.strip().lower()
    if len(email) > 254 or not _EMAIL.match(email):
        raise InvalidInput("That is not a valid email address.")
    return email


async def _off_the_loop(work: Callable[..., T], *args: object) -> T:
    return await asyncio.get_running_loop().run_in_executor(_workers, work, *args)


def _weakness(password: str, hints: Sequence[str]) -> str | None:
    """Why zxcvbn finds the password guessable (its own warning and suggestions), or None when it is strong."""
    verdict = zxcvbn(password[:_JUDGED], user_inputs=list(hints))
    if verdict["score"] >= _STRONG_ENOUGH:
        return None
    feedback = verdict["feedback"]
    reasons = [feedback["warning"], *feedback["suggestions"]]
    return " ".join(["That password is too easy to guess.", *(reason for reason in reasons if reason)])


async def check_password(password: str, hints: Sequence[str] = ()) -> None:
    """Refuses a password of the wrong length or one easy to guess; `hints` (email, name) count as guessable."""
    if not 10 <= len(password) <= 256:
        raise InvalidInput("A password needs 10 to 256 characters.")
    if weakness := await _off_the_loop(_weakness, password, hints):
        raise InvalidInput(weakness)


async def hash_password(password: str) -> str:
    return await _off_the_loop(_hasher.hash, password)


async def password_matches(password_hash: str | None, password: str) -> bool:
    def verify() -> bool:
        try:
            return _hasher.verify(password_hash or _DECOY, password) and password_hash is not None
        except (VerificationError, InvalidHashError):
            return False

    return await _off_the_loop(verify)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
