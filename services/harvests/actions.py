"""A harvest's actions: an owner (a member of the network) and a due date, followed up at the circle's next
gathering, where the owner marks them done. Open questions travel there too (gatherings asks `follow_ups`)."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from events import audience
from events.catalogue import new_event
from events.outbox import record
from infra.columns import utcnow
from infra.database import Database
from infra.errors import Forbidden, InvalidInput, NotFound
from infra.viewer import Viewer
from services.harvests import events as ev
from services.harvests.tables import Harvest, HarvestItem
from services.networks import api as networks

CARRIED = ("open_questions", "actions")


@dataclass(frozen=True)
class Owner:
    member_id: str
    name: str
    due_on: date | None


@dataclass(frozen=True)
class FollowUp:
    """An open question or action of a published harvest, as the next gathering's agenda carries it."""

    item_id: str
    harvest_id: str
    harvest_title: str
    section: str
    text: str
    owner_id: str | None
    owner_name: str | None
    due_on: date | None
    done_at: datetime | None


async def owner(db: Database, network_id: str, member_id: str | None, due_on: date | None) -> Owner | None:
    if member_id is None:
        if due_on is not None:
            raise InvalidInput("Name the action's owner with its due date.")
        return None
    if await networks.role_in(db, network_id, member_id) is None:
        raise InvalidInput("An action's owner is a member of the harvest's network.")
    names = await networks.member_names(db, [member_id])
    return Owner(member_id, names.get(member_id, "A member"), due_on)


async def mark(session: AsyncSession, viewer: Viewer, item_id: str, done: bool) -> HarvestItem:
    """Only the action's owner marks it; others read the same NotFound as for a missing action."""
    found = (
        await session.execute(
            select(HarvestItem, Harvest)
            .join(Harvest, Harvest.id == HarvestItem.harvest_id)
            .where(HarvestItem.id == item_id, HarvestItem.owner_id == viewer.account_id)
        )
    ).first()
    if found is None:
        raise NotFound("No such action of yours.")
    item, harvest = found
    if harvest.status != "published":
        raise Forbidden("An action is followed up once its harvest is published.")
    item.done_at = utcnow() if done else None
    data = ev.ActionFollowedUp(harvest_id=harvest.id, item_id=item.id, owner_id=viewer.account_id, done=done)
    record(
        session,
        [new_event(data, item.id, harvest.audience or [audience.network(harvest.network_id)], harvest.network_id)],
    )
    return item


async def follow_ups(session: AsyncSession, gathering_id: str) -> list[FollowUp]:
    """Open questions and actions of the gathering's published harvests, in harvest then item order."""
    query = (
        select(HarvestItem, Harvest)
        .join(Harvest, Harvest.id == HarvestItem.harvest_id)
        .where(Harvest.gathering_id == gathering_id, Harvest.status == "published", HarvestItem.section.in_(CARRIED))
        .order_by(Harvest.published_at, Harvest.id, HarvestItem.section.desc(), HarvestItem.position)
    )
    return [
        FollowUp(i.id, h.id, h.title, i.section, i.text, i.owner_id, i.owner_name, i.due_on, i.done_at)
        for i, h in await session.execute(query)
    ]
