"""Events of the accounts service. None carries a token, a password or an email address."""

from events.catalogue import Payload, payload

SESSIONS_ENDED = "accounts.sessions.ended"


@payload(SESSIONS_ENDED, 1)
class SessionsEnded(Payload):
    """Sessions of the account ended (signed out, password changed): whatever outlives a request, such as a
    WebSocket subscription, checks whether its own session is still open."""

    account_id: str
