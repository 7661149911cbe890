"""Who may write where, and who may see a story or resource. Hidden things are reported as missing."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.audience import Audience, AudienceKind
from infra.database import Database
from infra.errors import Forbidden, InvalidInput, NotFound
from infra.viewer import Viewer
from services.knowledge.tables import Resource, Story
from services.networks import api as networks


@dataclass(frozen=True)
class Place:
    """A circle of a network the viewer may write to, with the practice areas that network knows."""

    network_id: str
    key: str
    areas: frozenset[str]
    # A network's partner networks: what is shared with a network reaches the networks connected to it.
    partners: tuple[str, ...] = ()


def parsed_key(key: str) -> Audience:
    try:
        circle = Audience.parse(key.strip())
    except ValueError:
        raise InvalidInput("An audience is peer_group:<id>, local_group:<id>, network:<id> or platform.") from None
    if (circle.kind is AudienceKind.PLATFORM) == bool(circle.id):
        raise InvalidInput("An audience is peer_group:<id>, local_group:<id>, network:<id> or platform.")
    return circle


def member_of(viewer: Viewer, network_id: str) -> None:
    if audience.network(network_id) not in viewer.audiences:
        raise NotFound("No such network.")


async def place_for(db: Database, viewer: Viewer, network_id: str, key: str) -> Place:
    member_of(viewer, network_id)
    circle = parsed_key(key)
    if circle.kind is AudienceKind.NETWORK and circle.id != network_id:
        raise InvalidInput("Share within the network it belongs to, or with the whole platform.")
    if circle.kind is not AudienceKind.PLATFORM and circle.key not in viewer.audiences:
        raise Forbidden("You may share only with circles you belong to.")
    if circle.kind is AudienceKind.LOCAL_GROUP:
        group = await networks.local_group_summary(db, circle.id or "")
        if group is None or group.network_id != network_id:
            raise InvalidInput("That local group is not part of this network.")
    areas = frozenset(await networks.practice_areas(db, network_id))
    if circle.kind is not AudienceKind.NETWORK:
        return Place(network_id, circle.key, areas)
    partners = tuple(audience.network(n) for n in await networks.connected_network_ids(db, network_id))
    return Place(network_id, circle.key, areas, partners)


def may_read_story(story: Story | None, viewer: Viewer | None) -> bool:
    if story is None or viewer is None:
        return False
    if story.author_id in viewer.blocked:
        return False
    return story.author_id == viewer.account_id or (
        not story.withdrawn
        and not story.hidden
        and audience.admits(story.audience, story.created_at, viewer.audiences, viewer.sees_from)
    )


def shown_to(viewer: Viewer | None, author_id: str, hidden: bool) -> bool:
    """A part (comment, contribution) by someone the viewer has no block with, not hidden unless it is theirs."""
    if viewer is None:
        return not hidden
    return author_id not in viewer.blocked and (not hidden or author_id == viewer.account_id)


def part_reaches(written_under: list[str], written_at: datetime, target_now: list[str], viewer: Viewer | None) -> bool:
    """A revision, comment or reaction reaches the circles it was written under that its target still reaches:
    sharing the target wider never takes it along; withdrawing the target from a circle does. A late joiner of
    such a circle sees only what was written there from their seat on."""
    if viewer is None:
        return False
    return audience.admits(set(written_under).intersection(target_now), written_at, viewer.audiences, viewer.sees_from)


async def readable_story(session: AsyncSession, viewer: Viewer, story_id: str) -> Story:
    story = await session.get(Story, story_id)
    if story is None or not may_read_story(story, viewer):
        raise NotFound("No such story.")
    return story


async def own_story(session: AsyncSession, viewer: Viewer, story_id: str, doing: str) -> Story:
    story = await readable_story(session, viewer, story_id)
    if story.author_id != viewer.account_id:
        raise Forbidden(f"Only its author may {doing} a story.")
    return story


async def readable_resource(session: AsyncSession, viewer: Viewer, resource_id: str) -> Resource:
    resource = await session.get(Resource, resource_id)
    if (
        resource is None
        or resource.added_by in viewer.blocked
        or not audience.admits(resource.audience, resource.created_at, viewer.audiences, viewer.sees_from)
    ):
        raise NotFound("No such resource.")
    return resource
