"""Who is asking: the signed-in member (or nobody) and the audiences they may see."""

from dataclasses import dataclass, field

from infra.errors import Unauthenticated


@dataclass(frozen=True)
class Viewer:
    account_id: str
    email: str
    name: str
    is_admin: bool = False
    audiences: frozenset[str] = field(default_factory=frozenset)


def signed_in(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise Unauthenticated()
    return viewer
