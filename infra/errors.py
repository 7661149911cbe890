"""Errors a client may see. Anything else is masked by the gateway and logged with a request id."""

import re


class DomainError(Exception):
    """A clear refusal, told to the client as it is: bad input, missing rights, a broken rule. A refusal's code
    (the GraphQL error's `extensions.code`) is its class's name in capitals, unless the class names another."""

    code = "BAD_REQUEST"
    default_message = "That request cannot be done."

    def __init_subclass__(cls, code: str | None = None) -> None:
        super().__init_subclass__()
        cls.code = code or re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).upper()

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class InvalidInput(DomainError, code="BAD_USER_INPUT"):
    """What was sent cannot be taken as it is: the message says which field and why."""


class NotFound(DomainError):
    """Also what an outsider gets for something that exists but is hidden from them."""


class Forbidden(DomainError):
    """Signed in, but this is not yours to do: a host's or a member's act asked by someone else."""


class Unauthenticated(DomainError):
    default_message = "Sign in first."


class Conflict(DomainError):
    """The request clashes with what is already there: a second of something there may be one of."""


class RateLimited(DomainError):
    """Too many attempts of one kind in a short time: the client waits before the next."""


class Unavailable(DomainError):
    """Every database connection is busy, or this process does not serve what was asked: the client may retry."""

    default_message = "The service is busy; try again in a moment."


class TooCostly(DomainError):
    """A request that would cost more to check or run than one request may: the client asks for less."""
