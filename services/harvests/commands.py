"""Curating harvests: the only code that writes them. Drafts stay with the hosts until published."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.errors import InvalidInput, NotFound
from infra.text import clean_text
from infra.viewer import Viewer
from services.gatherings import api as gatherings
from services.harvests import events as ev
from services.harvests.actions import Owner
from services.harvests.citations import Cited, ask_consent
from services.harvests.publications import harvest_publication
from services.harvests.tables import Harvest, HarvestItem
from services.networks.api import clean_areas

# The gatherings service's kinds, and two a harvest may come from besides.
GATHERINGS = (*gatherings.KINDS, "peer_group_round", "programme")
SECTIONS = ("insights", "patterns", "open_questions", "actions")


@dataclass(frozen=True)
class Gathering:
    title: str
    gathering: str
    held_on: date | None = None
    summary: str = ""
    practice_areas: tuple[str, ...] = ()
    gathering_id: str | None = None


async def items_of(session: AsyncSession, harvest_id: str) -> list[HarvestItem]:
    """In the order of SECTIONS, then as added."""
    items = await session.scalars(select(HarvestItem).where(HarvestItem.harvest_id == harvest_id))
    return sorted(items, key=lambda item: (SECTIONS.index(item.section), item.position))


async def announce(
    session: AsyncSession, harvest: Harvest, kind: type[ev.HarvestEvent], **extra: list[str] | bool
) -> None:
    data = kind(
        harvest_id=harvest.id,
        network_id=harvest.network_id,
        gathering=harvest.gathering,
        status=harvest.status,
        publication=harvest_publication(harvest, await items_of(session, harvest.id)),
        **extra,
    )
    keys = harvest.audience or [audience.network(harvest.network_id)]
    record(session, [new_event(data, harvest.id, keys, harvest.network_id)])


async def create_harvest(
    session: AsyncSession, viewer: Viewer, network_id: str, areas: frozenset[str], about: Gathering
) -> Harvest:
    if about.gathering not in GATHERINGS:
        raise InvalidInput(f"A gathering is one of {', '.join(GATHERINGS)}.")
    now = utcnow()
    harvest = Harvest(
        network_id=network_id,
        title=clean_text(about.title, "A title", 200, 2),
        gathering=about.gathering,
        gathering_id=about.gathering_id,
        held_on=about.held_on,
        summary=clean_text(about.summary, "A summary", 20_000, 0),
        practice_areas=clean_areas(list(about.practice_areas), set(areas)),
        status="draft",
        audience=[],
        created_by=viewer.account_id,
        created_by_name=viewer.name,
        created_at=now,
        updated_at=now,
    )
    session.add(harvest)
    await session.flush()
    await announce(session, harvest, ev.HarvestDrafted)
    return harvest


async def add_item(
    session: AsyncSession, harvest: Harvest, section: str, text: str, cites: Cited, owner: Owner | None = None
) -> HarvestItem:
    if section not in SECTIONS:
        raise InvalidInput(f"A section is one of {', '.join(SECTIONS)}.")
    if owner is not None and section != "actions":
        raise InvalidInput("Only actions have an owner and a due date.")
    last = select(func.max(HarvestItem.position)).where(
        HarvestItem.harvest_id == harvest.id, HarvestItem.section == section
    )
    item = HarvestItem(
        harvest_id=harvest.id,
        section=section,
        position=(await session.scalar(last) or 0) + 1,
        text=clean_text(text, "An item", 5000, 1),
        story_ids=[s.id for s in cites.stories],
        resource_ids=[r.id for r in cites.resources],
        owner_id=owner.member_id if owner else None,
        owner_name=owner.name if owner else None,
        due_on=owner.due_on if owner else None,
    )
    session.add(item)
    await session.flush()
    await ask_consent(session, harvest, cites.stories)
    harvest.updated_at = utcnow()
    await announce(session, harvest, ev.HarvestDraftChanged)
    return item


async def remove_item(session: AsyncSession, harvest: Harvest, item_id: str) -> None:
    item = await session.get(HarvestItem, item_id)
    if item is None or item.harvest_id != harvest.id:
        raise NotFound("No such harvest item.")
    await session.delete(item)
    harvest.updated_at = utcnow()
    await announce(session, harvest, ev.HarvestDraftChanged)
