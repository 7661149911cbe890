"""Signed one-click unsubscribe tokens: `<member>.<kind or digest channel>.<signature>`, the signature an
HMAC-SHA256 under the platform's secret key, so nobody can turn off another member's email by guessing a link."""

import base64
import hashlib
import hmac
import secrets

from infra.errors import InvalidInput
from infra.settings import Settings
from services.notifications.kinds import DIGESTS, Channel, Kind

Topic = Kind | Channel
TOPICS: dict[str, Topic] = {**{k.value: k for k in Kind}, **{c.value: c for c in DIGESTS}}


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


def unsubscribe_token(settings: Settings, member_id: str, topic: Topic) -> str:
    return f"{member_id}.{topic.value}.{_signature(settings, member_id, topic.value)}"


def read_token(settings: Settings, token: str) -> tuple[str, Topic]:
    """The member and the kind or digest a token was made for; a token not made here is refused."""
    member_id, _, rest = token.partition(".")
    name, _, signature = rest.partition(".")
    if name not in TOPICS or not hmac.compare_digest(signature, _signature(settings, member_id, name)):
        raise InvalidInput("That unsubscribe link is not valid.")
    return member_id, TOPICS[name]
