"""Who shared a feed item and in which local group: nested in a feed page, read once per page (places.py)."""

from typing import Protocol

import strawberry


@strawberry.type(name="FeedLocalGroup", description="A local group, as a feed shows it.")
class FeedGroup:
    id: strawberry.ID
    name: str
    network_id: strawberry.ID


class Placed(Protocol):
    """A local group as the feeds projection or networks hold it."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def network_id(self) -> str: ...


def group_of(group: Placed) -> FeedGroup:
    return FeedGroup(id=strawberry.ID(group.id), name=group.name, network_id=strawberry.ID(group.network_id))


@strawberry.type(description="The member who shared an item.")
class FeedAuthor:
    id: strawberry.ID
    name: str
    local_groups: list[FeedGroup] = strawberry.field(description="Their local groups, in networks you belong to.")
