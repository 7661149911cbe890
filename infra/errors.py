"""Errors a client may see. Anything else is masked by the gateway and logged with a request id."""


class DomainError(Exception):
    """A clear refusal, told to the client as it is: bad input, missing rights, a broken rule."""

    code = "BAD_REQUEST"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    code = "BAD_USER_INPUT"


class NotFound(DomainError):
    """Also what an outsider gets for something that exists but is hidden from them."""

    code = "NOT_FOUND"


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Sign in first.") -> None:
        super().__init__(message)


class Forbidden(DomainError):
    code = "FORBIDDEN"


class Conflict(DomainError):
    code = "CONFLICT"


class RateLimited(DomainError):
    code = "RATE_LIMITED"


class Unavailable(DomainError):
    """Every database connection is busy: the client may retry shortly."""

    code = "UNAVAILABLE"

    def __init__(self, message: str = "The service is busy; try again in a moment.") -> None:
        super().__init__(message)


class TooCostly(DomainError):
    """A request that would cost more to check or run than one request may: the client asks for less."""

    code = "TOO_COSTLY"
