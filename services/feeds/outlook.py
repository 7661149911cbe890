"""What a feed knows of its member: their circles and areas, what they follow or mute, the names reasons use.

Loaded once per page (or pushed item) from the projection; `keys` and `sees_from` come from the caller (the
request's viewer, or access.current_keys and current_late_seats where no fresh viewer is at hand).
"""

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from infra.columns import utcnow
from services.feeds.going import answered
from services.feeds.tables import FeedLocalGroup, FeedMember, FeedNetwork, Interest, Mark, Partnership
from services.moderation import api as moderation


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    network_id: str
    practice_areas: frozenset[str]


@dataclass
class Outlook:
    """What ranking knows of the member: their keys and areas, their interests, and the names reasons use."""

    member_id: str
    keys: frozenset[str]
    # The keys the member joined late, each with the moment its items show from (events.audience.admits).
    sees_from: Mapping[str, datetime] = field(default_factory=dict)
    areas: frozenset[str] = frozenset()
    follows: frozenset[tuple[str, str]] = frozenset()
    mutes: frozenset[tuple[str, str]] = frozenset()
    # Members the member has a block with (either way): nothing of theirs shows.
    blocked: frozenset[str] = frozenset()
    groups: dict[str, Group] = field(default_factory=dict)
    networks: dict[str, str] = field(default_factory=dict)
    # Networks connected to the member's own.
    partners: frozenset[str] = frozenset()
    # item id -> dismissed (False: only seen)
    marks: dict[str, bool] = field(default_factory=dict)
    # Gatherings the member is going to or waiting for: item id -> answer (feeds.going).
    going: dict[str, str] = field(default_factory=dict)
    # Derived once per page (a feed page places hundreds of items).
    _own: dict[audience.AudienceKind, frozenset[str]] = field(default_factory=dict)
    _interests: frozenset[str] | None = None
    now: datetime = field(default_factory=utcnow)

    def own(self, kind: audience.AudienceKind) -> frozenset[str]:
        if kind not in self._own:
            self._own[kind] = frozenset(k.partition(":")[2] for k in self.keys if k.startswith(f"{kind.value}:"))
        return self._own[kind]

    def interests(self) -> frozenset[str]:
        """The areas the member works on: their profile's, their local groups' and the ones they follow."""
        if self._interests is None:
            own_groups = (
                self.groups[g].practice_areas for g in self.own(audience.AudienceKind.LOCAL_GROUP) if g in self.groups
            )
            followed = {target for kind, target in self.follows if kind == "practice_area"}
            self._interests = self.areas.union(followed, *own_groups)
        return self._interests


class Shown(Protocol):
    """An item as ranking and the GraphQL type read it: a FeedItem row, or a plain row of its columns."""

    id: str
    kind: str
    title: str
    excerpt: str
    practice_areas: list[str]
    network_ids: list[str]
    local_group_id: str | None
    peer_group_id: str | None
    author_id: str | None
    author_name: str | None
    path: str
    published_at: datetime


@dataclass(frozen=True)
class Placement:
    key: float
    reason: str
    seen: bool


async def outlook_of(
    session: AsyncSession, member_id: str, keys: frozenset[str], sees_from: Mapping[str, datetime]
) -> Outlook:
    member = await session.get(FeedMember, member_id)
    chosen = (await session.execute(select(Interest).where(Interest.member_id == member_id))).scalars().all()
    outlook = Outlook(
        member_id,
        keys,
        sees_from,
        frozenset(member.practice_areas if member else ()),
        follows=frozenset((i.kind, i.target) for i in chosen if i.stance == "follow"),
        mutes=frozenset((i.kind, i.target) for i in chosen if i.stance == "mute"),
        blocked=await moderation.blocked_in(session, member_id),
        going=await answered(session, member_id),
    )
    followed = {target for kind, target in outlook.follows if kind == "local_group"}
    await learn_groups(session, outlook, outlook.own(audience.AudienceKind.LOCAL_GROUP) | followed)
    mine = outlook.own(audience.AudienceKind.NETWORK)
    partners = select(Partnership.partner_id).where(Partnership.network_id.in_(mine))
    outlook.partners = frozenset(await session.scalars(partners))
    await learn_networks(session, outlook, mine)
    return outlook


async def learn_groups(session: AsyncSession, outlook: Outlook, ids: Set[str]) -> None:
    missing = [i for i in ids if i not in outlook.groups]
    if missing:
        for row in await session.scalars(select(FeedLocalGroup).where(FeedLocalGroup.id.in_(missing))):
            outlook.groups[row.id] = Group(row.id, row.name, row.network_id, frozenset(row.practice_areas))


async def learn_networks(session: AsyncSession, outlook: Outlook, ids: Set[str]) -> None:
    missing = [i for i in ids if i not in outlook.networks]
    if missing:
        rows = await session.execute(select(FeedNetwork.id, FeedNetwork.name).where(FeedNetwork.id.in_(missing)))
        outlook.networks.update({ident: name for ident, name in rows})


async def learn(session: AsyncSession, outlook: Outlook, items: list[Shown]) -> None:
    """Names and marks the placement of these items needs, fetched once per batch."""
    await learn_groups(session, outlook, {i.local_group_id for i in items if i.local_group_id})
    await learn_networks(session, outlook, {n for i in items for n in i.network_ids})
    marks = select(Mark.item_id, Mark.dismissed).where(
        Mark.member_id == outlook.member_id, Mark.item_id.in_([i.id for i in items])
    )
    outlook.marks.update({ident: dismissed for ident, dismissed in await session.execute(marks)})
