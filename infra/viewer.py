"""Who is asking: the signed-in member (or nobody) and the audiences they may see."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from infra.errors import Unauthenticated


@dataclass(frozen=True)
class Viewer:
    account_id: str
    email: str
    name: str
    is_admin: bool = False
    audiences: frozenset[str] = field(default_factory=frozenset)
    # For a `peer_group:<id>` audience the member joined late: what was written before this stays hidden from
    # them. Audiences not named here are seen whole.
    sees_from: Mapping[str, datetime] = field(default_factory=dict, hash=False)
    # Members the viewer blocked or who blocked them: neither sees the other's content, anywhere.
    blocked: frozenset[str] = field(default_factory=frozenset)


def signed_in(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise Unauthenticated()
    return viewer
