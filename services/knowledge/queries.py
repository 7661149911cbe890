"""Reading stories and resources: every list is filtered in SQL by what the viewer may see."""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Exists, Select, SQLColumnExpression, String, and_, cast, exists, or_, select

from events import audience
from infra.errors import InvalidInput
from infra.viewer import Viewer
from services.knowledge.tables import Reach, Resource, Story

Listed = TypeVar("Listed", Story, Resource)


@dataclass(frozen=True)
class Filters:
    network_id: str | None = None
    practice_area: str | None = None
    kind: str | None = None
    # An audience key (local_group:<id>, peer_group:<id>): only stories that reach that circle.
    circle: str | None = None
    author_id: str | None = None


MAX_AREA = 80


def _reaches(entity_id: SQLColumnExpression[str], written_at: SQLColumnExpression[datetime], viewer: Viewer) -> Exists:
    """One of the entity's keys is the viewer's; one they joined late counts for what was written since."""
    whole = Reach.key.in_(audience.seen_whole(viewer.audiences, viewer.sees_from))
    late = [
        and_(Reach.key == key, written_at >= since)
        for key, since in audience.seen_since(viewer.audiences, viewer.sees_from)
    ]
    return exists().where(Reach.entity_id == entity_id, or_(whole, *late))


def _filtered(query: Select[Listed], table: type[Listed], filters: Filters) -> Select[Listed]:
    if filters.network_id:
        query = query.where(table.network_id == filters.network_id)
    if filters.kind:
        query = query.where(table.kind == filters.kind)
    if filters.practice_area:
        # JSON lists are text in both SQLite and PostgreSQL; areas are quoted there.
        area = " ".join(filters.practice_area.lower().split()).replace('"', "")
        if len(area) > MAX_AREA:
            raise InvalidInput("No practice area has a name that long.")
        query = query.where(cast(table.practice_areas, String).like(f'%"{area}"%'))
    return query


def visible_stories(viewer: Viewer, filters: Filters, mine: bool = False) -> Select[Story]:
    if mine:
        query = select(Story).where(Story.author_id == viewer.account_id)
    else:
        query = select(Story).where(
            or_(_reaches(Story.id, Story.created_at, viewer), Story.author_id == viewer.account_id)
        )
        query = query.where(Story.withdrawn.is_(False), Story.author_id.not_in(viewer.blocked))
    return _narrowed(_filtered(query, Story, filters), viewer, filters).order_by(Story.created_at.desc(), Story.id)


def _narrowed(query: Select[Story], viewer: Viewer, filters: Filters) -> Select[Story]:
    """A place's or a member's own stories. A circle's are those reaching the viewer through it: an outsider
    (or a late joiner, for what came before their seat) never learns which stories a circle was given."""
    if filters.circle:
        through = replace(viewer, audiences=viewer.audiences & {filters.circle})
        query = query.where(_reaches(Story.id, Story.created_at, through))
    if filters.author_id:
        query = query.where(Story.author_id == filters.author_id)
    return query


def visible_resources(viewer: Viewer, filters: Filters) -> Select[Resource]:
    query = select(Resource).where(_reaches(Resource.id, Resource.created_at, viewer))
    query = query.where(Resource.added_by.not_in(viewer.blocked))
    return _filtered(query, Resource, filters).order_by(Resource.title, Resource.id)
