"""Who may see an entity. Every event and every search document carries its audience keys.

A key names one circle: `peer_group:<id>`, `local_group:<id>`, `network:<id>`, `platform`, or one person,
`member:<id>`. An entity is visible to a viewer when its keys and the viewer's keys share at least one.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AudienceKind(StrEnum):
    PEER_GROUP = "peer_group"
    LOCAL_GROUP = "local_group"
    NETWORK = "network"
    PLATFORM = "platform"
    # One person: for what concerns them alone (an application to a scheme), never published to search or feeds.
    MEMBER = "member"


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


def member(member_id: str) -> str:
    return Audience(AudienceKind.MEMBER, member_id).key


def may_see(entity_keys: Iterable[str], viewer_keys: frozenset[str]) -> bool:
    return not viewer_keys.isdisjoint(entity_keys)


def seen_whole(viewer_keys: frozenset[str], sees_from: Mapping[str, datetime]) -> list[str]:
    """The viewer's keys that admit everything written under them, sorted."""
    return sorted(viewer_keys - sees_from.keys())


def seen_since(viewer_keys: frozenset[str], sees_from: Mapping[str, datetime]) -> list[tuple[str, datetime]]:
    """The viewer's keys they joined late, each with the moment from which it admits what was written."""
    return sorted((key, since) for key, since in sees_from.items() if key in viewer_keys)


def admits(
    entity_keys: Iterable[str], written_at: datetime, viewer_keys: frozenset[str], sees_from: Mapping[str, datetime]
) -> bool:
    """As `may_see`, for a late joiner too: a key they joined late admits only what was written from then on."""
    return any(key in viewer_keys and (key not in sees_from or written_at >= sees_from[key]) for key in entity_keys)


def ids_of(kind: AudienceKind, keys: Iterable[str]) -> list[str]:
    """The ids of the circles of one kind among `keys`, e.g. the networks a viewer belongs to."""
    return sorted(circle.id for circle in map(Audience.parse, keys) if circle.kind is kind and circle.id)
