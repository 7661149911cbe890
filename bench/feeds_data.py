"""A community for the feeds benchmark: one network, 200 local groups, members spread over them, two weeks of
stories in groups and network-wide. The network and groups go through the feed projector itself (as their events
would); stories and member profiles are bulk-inserted rows, as the projector would have written them
(`write_items` makes a story's row with the projector's own `copy`)."""

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import insert

from events import audience
from events.catalogue import new_event
from events.envelope import Event
from events.publication import Publication
from infra.columns import new_id, utcnow
from infra.database import Database
from services.feeds import changes
from services.feeds.items import copy
from services.feeds.projector import handle
from services.feeds.tables import FeedItem, FeedMember, ItemAudience
from services.harvests import events as harvests
from services.knowledge import events as knowledge
from services.networks import events as networks
from services.networks.api import DEFAULT_PRACTICE_AREAS
from services.networks.tables import Membership, Network

GROUPS, STORIES_PER_GROUP, NETWORK_STORIES, DAYS = 200, 10, 200, 14


@dataclass(frozen=True)
class Reader:
    member_id: str
    keys: frozenset[str]


@dataclass(frozen=True)
class Community:
    network_id: str
    readers: list[Reader]


def publication(kind: str, title: str, network_id: str, age_seconds: float, **fields: object) -> Publication:
    moment = utcnow() - timedelta(seconds=age_seconds)
    areas = random.Random(title).sample(DEFAULT_PRACTICE_AREAS, 2)
    return Publication(
        kind=kind,
        title=title,
        text=f"What we learned about {areas[0]}.",
        practice_areas=areas,  # type: ignore[arg-type]
        network_ids=[network_id],
        created_at=moment,
        updated_at=moment,
        path=f"/{kind}s/{title}",
        **fields,
    )  # type: ignore[arg-type]


def story(
    network_id: str, keys: list[str], title: str, age_seconds: float, group: str | None = None, **author: str
) -> Event:
    """A story shared in `group` (if any) to `keys`; by author_id and author_name if given, else by a stranger."""
    ident, author_id = new_id(), author.get("author_id") or new_id()
    found = publication("story", title, network_id, age_seconds, local_group_id=group, **author)
    data = knowledge.StoryShared(
        story_id=ident, network_id=network_id, author_id=author_id, kind="good_news", publication=found
    )
    return new_event(data, subject=ident, audience=keys, network=network_id)


def harvest(network_id: str, title: str) -> Event:
    """A harvest published to the network, as the harvests service announces it."""
    ident = new_id()
    data = harvests.HarvestPublished(
        harvest_id=ident,
        network_id=network_id,
        gathering="world_cafe",
        status="published",
        network_ids=[network_id],
        publication=publication("harvest", title, network_id, 0),
    )
    return new_event(data, subject=ident, audience=[audience.network(network_id)], network=network_id)


def _group_events(network_id: str, rng: random.Random) -> tuple[list[str], list[Event]]:
    groups, found = [new_id() for _ in range(GROUPS)], []
    for number, group in enumerate(groups):
        areas = rng.sample(DEFAULT_PRACTICE_AREAS, 2)
        data = networks.LocalGroupChanged(
            local_group_id=group,
            network_id=network_id,
            name=f"Group {number:03}",
            practice_areas=areas,
            publication=None,
        )
        found.append(new_event(data, subject=group, audience=[audience.network(network_id)], network=network_id))
    return groups, found


def _content(network_id: str, groups: list[str], rng: random.Random) -> list[Event]:
    age = lambda: rng.uniform(60, DAYS * 86400)  # noqa: E731
    stories = [
        story(network_id, [audience.local_group(g)], f"Story {g[:8]}-{n}", age(), g)
        for g in groups
        for n in range(STORIES_PER_GROUP)
    ]
    shared = [
        story(network_id, [audience.network(network_id)], f"Network story {n}", age()) for n in range(NETWORK_STORIES)
    ]
    return stories + shared


async def build(db: Database, members: int, seed: int = 7) -> Community:
    rng, network_id = random.Random(seed), new_id()
    named = networks.NetworkChanged(
        network_id=network_id, name="Leadership Alumni Network", is_public=False, publication=None
    )
    groups, events = _group_events(network_id, rng)
    events = [
        new_event(named, subject=network_id, audience=[audience.network(network_id)], network=network_id),
        *events,
    ]
    async with db.transaction() as session:
        for event in events:
            await handle(event, session)
    await write_items(db, _content(network_id, groups, rng))
    areas = DEFAULT_PRACTICE_AREAS
    profiles = [
        {"member_id": new_id(), "name": f"Member {n:05}", "practice_areas": rng.sample(areas, 2)}
        for n in range(members)
    ]
    async with db.transaction() as session:
        await session.execute(insert(FeedMember), profiles)
    keys = [
        frozenset({audience.PLATFORM.key, audience.network(network_id), audience.local_group(groups[n % GROUPS])})
        for n in range(members)
    ]
    return Community(network_id, [Reader(str(p["member_id"]), k) for p, k in zip(profiles, keys, strict=True)])


async def enrol(db: Database, community: Community) -> None:
    """Every reader a member of the network, as the networks service records it: whom its notifications reach."""
    now = utcnow()
    network = {"id": community.network_id, "name": "Leadership Alumni Network", "created_at": now}
    rows = [
        {"network_id": community.network_id, "member_id": r.member_id, "role": "member", "joined_at": now}
        for r in community.readers
    ]
    async with db.transaction() as session:
        await session.execute(insert(Network), [network])
        await session.execute(insert(Membership), rows)


async def write_items(db: Database, events: list[Event]) -> None:
    """The feed items and audience rows the projector writes for these events, in one transaction."""
    items = [_item(event) for event in events]
    keys = [{"item_id": i["id"], "key": key, "published_at": i["published_at"]} for i in items for key in i["audience"]]
    async with db.transaction() as session:
        await session.execute(insert(FeedItem), items)
        await session.execute(insert(ItemAudience), keys)
        await changes.count(session, sorted({row["key"] for row in keys}))


def _item(event: Event) -> dict[str, Any]:
    """The feed item the projector makes of a story's event, as a row."""
    publication = Publication.model_validate(event.data["publication"])
    item = FeedItem(id=event.subject, published_at=publication.created_at)
    copy(item, event, publication)
    return {column.key: getattr(item, column.key) for column in FeedItem.__table__.columns}
