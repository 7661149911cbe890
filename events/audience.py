"""Who may see an entity. Every event and every search document carries its audience keys.

A key names one circle: `peer_group:<id>`, `local_group:<id>`, `network:<id>` or `platform`. An entity is
visible to a viewer when its keys and the viewer's keys share at least one.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class AudienceKind(StrEnum):
    PEER_GROUP = "peer_group"
    LOCAL_GROUP = "local_group"
    NETWORK = "network"
    PLATFORM = "platform"


@dataclass(frozen=True)
class Audience:
    kind: AudienceKind
    id: str | None = None

    @property
    def key(self) -> str:
        return self.kind.value if self.kind is AudienceKind.PLATFORM else f"{self.kind.value}:{self.id}"

    @classmethod
    def parse(cls, key: str) -> "Audience":
        kind, _, ident = key.partition(":")
        return cls(AudienceKind(kind), ident or None)

    @property
    def is_confidential(self) -> bool:
        return self.kind is AudienceKind.PEER_GROUP


PLATFORM = Audience(AudienceKind.PLATFORM)


def key_of(kind: str, ident: str) -> str:
    """The key of an (audience kind, id) pair, as services' queries of a member's circles return them."""
    return Audience(AudienceKind(kind), ident).key


def peer_group(group_id: str) -> str:
    return Audience(AudienceKind.PEER_GROUP, group_id).key


def local_group(group_id: str) -> str:
    return Audience(AudienceKind.LOCAL_GROUP, group_id).key


def network(network_id: str) -> str:
    return Audience(AudienceKind.NETWORK, network_id).key


def may_see(entity_keys: Iterable[str], viewer_keys: frozenset[str]) -> bool:
    return not viewer_keys.isdisjoint(entity_keys)
