"""Resources: adding (and merging duplicates), members' signed contributions, and ratings."""

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import InvalidInput
from infra.text import clean_text, one_of
from infra.viewer import Viewer
from services.knowledge import events as ev
from services.knowledge.publications import resource_publication
from services.knowledge.tables import Contribution, Resource
from services.knowledge.urls import checked_url, title_key, url_key
from services.knowledge.writing import set_reach
from services.networks.api import clean_areas

RESOURCE_KINDS = ("book", "article", "tool", "programme", "link")


@dataclass(frozen=True)
class Shelf:
    """Where a resource goes: its network, that network's practice areas, and who will see it."""

    network_id: str
    areas: frozenset[str]
    audience: list[str]


@dataclass(frozen=True)
class ResourceDraft:
    kind: str
    title: str
    url: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    description: str = ""
    practice_areas: tuple[str, ...] = ()


def checked(draft: ResourceDraft, areas: frozenset[str]) -> ResourceDraft:
    """The draft cleaned, or InvalidInput saying what is wrong; nothing is written before this passes."""
    if draft.year is not None and not 1500 <= draft.year <= utcnow().year + 1:
        raise InvalidInput("A year must be between 1500 and next year.")
    if len(draft.authors) > 12:
        raise InvalidInput("List at most 12 authors.")
    return ResourceDraft(
        kind=one_of(draft.kind, RESOURCE_KINDS, "A resource's kind"),
        title=clean_text(draft.title, "A title", 300, 2),
        url=checked_url(draft.url),
        authors=tuple(dict.fromkeys(clean_text(a, "An author's name", 120, 1) for a in draft.authors)),
        year=draft.year,
        description=clean_text(draft.description, "A description", 5000, 0),
        practice_areas=tuple(clean_areas(list(draft.practice_areas), set(areas))),
    )


async def _duplicate(session: AsyncSession, network_id: str, draft: ResourceDraft) -> Resource | None:
    same_title = Resource.title_key == title_key(draft.title)
    if draft.url:
        same_title &= Resource.url_key.is_(None)
    same = or_(Resource.url_key == url_key(draft.url), same_title) if draft.url else same_title
    query = select(Resource).where(Resource.network_id == network_id, same).order_by(Resource.created_at)
    return (await session.scalars(query.limit(1))).first()


async def record_resource(
    session: AsyncSession, resource: Resource, data: type[ev.ResourceEvent], **extra: str | bool
) -> None:
    shown = (Contribution.resource_id == resource.id) & Contribution.hidden.is_(False)
    contributions = await session.scalars(select(Contribution).where(shown))
    payload = data(
        resource_id=resource.id,
        network_id=resource.network_id,
        kind=resource.kind,
        url=resource.url,
        publication=resource_publication(resource, list(contributions)),
        **extra,
    )
    record(session, [new_event(payload, resource.id, resource.audience, resource.network_id)])


def _merge(resource: Resource, draft: ResourceDraft) -> None:
    resource.practice_areas = list(dict.fromkeys([*resource.practice_areas, *draft.practice_areas]))
    resource.authors = resource.authors or list(draft.authors)
    resource.year = resource.year or draft.year
    resource.description = resource.description or draft.description
    if draft.url and not resource.url:
        resource.url, resource.url_key = draft.url, url_key(draft.url)
    resource.updated_at = utcnow()


async def add_resource(
    session: AsyncSession, viewer: Viewer, shelf: Shelf, draft: ResourceDraft
) -> tuple[Resource, bool]:
    """The new resource, or the existing one the draft was merged into (and True)."""
    draft = checked(draft, shelf.areas)
    existing = await _duplicate(session, shelf.network_id, draft)
    if existing is not None:
        _merge(existing, draft)
        await record_resource(session, existing, ev.ResourceMerged, merged_by=viewer.account_id)
        return existing, True
    now = utcnow()
    resource = Resource(
        network_id=shelf.network_id,
        kind=draft.kind,
        title=draft.title,
        url=draft.url,
        url_key=url_key(draft.url) if draft.url else None,
        title_key=title_key(draft.title),
        authors=list(draft.authors),
        year=draft.year,
        description=draft.description,
        practice_areas=list(draft.practice_areas),
        audience=shelf.audience,
        added_by=viewer.account_id,
        added_by_name=viewer.name,
        created_at=now,
        updated_at=now,
    )
    session.add(resource)
    await session.flush()
    await set_reach(session, resource.id, resource.audience)
    await record_resource(session, resource, ev.ResourceAdded)
    return resource, False
