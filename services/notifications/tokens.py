"""Signed one-click unsubscribe tokens: `<member>.<kind>.<signature>`, the signature an HMAC-SHA256 under the
platform's secret key, so nobody can turn off another member's email by guessing a link."""

import base64
import hashlib
import hmac
import secrets

from infra.errors import InvalidInput
from infra.settings import Settings
from services.notifications.kinds import Kind


def _key(settings: Settings) -> bytes:
    if settings.secret_key:
        return settings.secret_key.encode()
    # The embedded mode keeps a key of its own; every process of the distributed mode must share COMMONS_SECRET_KEY.
    path = settings.data_dir / "signing.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip().encode()


def _signature(settings: Settings, member_id: str, kind: str) -> str:
    digest = hmac.new(_key(settings), f"unsubscribe:{member_id}:{kind}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def unsubscribe_token(settings: Settings, member_id: str, kind: Kind) -> str:
    return f"{member_id}.{kind.value}.{_signature(settings, member_id, kind.value)}"


def read_token(settings: Settings, token: str) -> tuple[str, Kind]:
    """The member and kind a token was made for; a token not made here is refused."""
    member_id, _, rest = token.partition(".")
    kind, _, signature = rest.partition(".")
    if kind not in {k.value for k in Kind} or not hmac.compare_digest(signature, _signature(settings, member_id, kind)):
        raise InvalidInput("That unsubscribe link is not valid.")
    return member_id, Kind(kind)
