"""How duplicate resources are recognised: the same normalised URL, or (without a URL) the same title."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from infra.errors import InvalidInput

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
_NOT_WORD = re.compile(r"[^\w]+")


def checked_url(url: str | None) -> str | None:
    if url is None or not url.strip():
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or len(url) > 2000:
        raise InvalidInput("A resource's URL must be an http or https address.")
    return url


def url_key(url: str) -> str:
    """Scheme and host lower-cased, default port, trailing slash, fragment and tracking parameters dropped."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)]
    # http and https name the same resource for our purpose.
    return urlunsplit(("https", host + port, parts.path.rstrip("/"), urlencode(sorted(query)), ""))


def title_key(title: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", title.lower()).split())[:300]
