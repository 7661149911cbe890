"""The feed projector: the `feeds` consumer group, turning the services' events into the feed tables.

Every effect is an idempotent upsert guarded by the subject's last applied event time, so a redelivery, a
late event or a replay (`commons replay feeds`) ends in the same state. Any event carrying `publication` (the
shared contract of events/publication.py) becomes, changes or withdraws an item; the networks events also keep
the names, practice areas and partnerships that reasons and ranking need.
"""

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import read
from events.consumer import Consumer
from events.envelope import Event
from events.publication import Publication
from services.feeds import changes, circles
from services.feeds.forgetting import ERASED, forget_member
from services.feeds.going import project_rsvp
from services.feeds.items import project_item
from services.networks import events as networks

SOURCES = ("networks", "knowledge", "harvests", "peer_groups", "gatherings", "data_rights")


async def _network(event: Event, session: AsyncSession) -> None:
    data = read(event, networks.NetworkChanged)
    await circles.project_network(session, data.network_id, data.name, data.is_public, event.time)


async def _local_group(event: Event, session: AsyncSession) -> None:
    data = read(event, networks.LocalGroupChanged)
    await circles.project_local_group(
        session,
        data.local_group_id,
        data.network_id,
        data.name,
        data.practice_areas,
        event.time,
        gone=data.publication is None,
    )


async def _profile(event: Event, session: AsyncSession) -> None:
    data = read(event, networks.ProfileChanged)
    name = data.publication.title if data.publication else ""
    await circles.project_profile(session, data.member_id, name, data.practice_areas, event.time)


async def _partnership(event: Event, session: AsyncSession) -> None:
    data = read(event, networks.ConnectionEvent)
    connected = event.type == "networks.connection.made"
    await circles.project_partnership(session, data.proposer_id, data.partner_id, connected)


async def _belonging(_: Event, session: AsyncSession) -> None:
    """Who belongs to which local group shows beside each author on a kept first page (places.py)."""
    await changes.count_everyone(session)


CIRCLES: dict[str, Callable[[Event, AsyncSession], Awaitable[None]]] = {
    "networks.network.changed": _network,
    "networks.local_group.changed": _local_group,
    "networks.profile.changed": _profile,
    "networks.connection.made": _partnership,
    "networks.connection.declined": _partnership,
    "networks.local_group.member_joined": _belonging,
    "networks.member.removed": _belonging,
    "gatherings.rsvp.answered": project_rsvp,
    "gatherings.rsvp.promoted": project_rsvp,
    ERASED: forget_member,
}


async def handle(event: Event, session: AsyncSession) -> None:
    if project := CIRCLES.get(event.type):
        await project(event, session)
    if "publication" in event.data:
        raw = event.data["publication"]
        await project_item(session, event, Publication.model_validate(raw) if raw is not None else None)


def consumer(sources: tuple[str, ...] = SOURCES) -> Consumer:
    return Consumer(name="feeds", handle=handle, sources=sources)
