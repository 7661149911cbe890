"""The harvests service's part of the GraphQL schema."""

from datetime import date

import strawberry

from infra.context import Ctx
from infra.pagination import Connection, connection, page, windowed
from services.harvests import actions, citations, commands, publishing, queries
from services.harvests.access import draft_harvest, hosting, is_host, readable_harvest
from services.harvests.action_resolvers import ActionMutation, ActionQuery, shown_item
from services.harvests.edit_resolvers import EditMutation
from services.harvests.gathered import gathering_kind
from services.harvests.item_types import HarvestItem, HarvestSection
from services.harvests.tables import CitationRequest as CitationRequestRow
from services.harvests.tables import Harvest as HarvestRow
from services.harvests.types import CitationRequest, GatheringKind, Harvest
from services.knowledge import api as knowledge
from services.networks import api as networks


@strawberry.input
class HarvestInput:
    title: str
    gathering: GatheringKind | None = strawberry.field(default=None, description="Taken from gatheringId if given.")
    gathering_id: strawberry.ID | None = strawberry.field(default=None, description="The gathering it harvests.")
    held_on: date | None = None
    summary: str = ""
    practice_areas: list[str] = strawberry.field(default_factory=list)


def _request(row: CitationRequestRow, harvest: HarvestRow, citing: list[str]) -> CitationRequest:
    return CitationRequest(
        id=strawberry.ID(row.id),
        status=row.status,
        story_id=strawberry.ID(row.story_id),
        harvest_title=harvest.title,
        gathering=GatheringKind(harvest.gathering),
        asked_by=harvest.created_by_name,
        asked_at=row.asked_at,
        citing_items=citing,
    )


@strawberry.type
class Query(ActionQuery):
    @strawberry.field(description="A published harvest that reaches you, or a draft of a network you host.")
    async def harvest(self, info: Ctx, id: strawberry.ID) -> Harvest:
        async with info.context.db.sessions() as session:
            return Harvest(row=await readable_harvest(session, info.context.member(), id))

    @strawberry.field(description="Harvests reaching you (or a network); a network's hosts also see its drafts.")
    async def harvests(
        self, info: Ctx, network_id: strawberry.ID | None = None, first: int | None = 20, after: str | None = None
    ) -> Connection[Harvest]:
        viewer = info.context.member()
        drafts = bool(network_id) and await is_host(info.context.db, viewer, network_id or "")
        window = page(first, after)
        async with info.context.db.sessions() as session:
            rows, total = await windowed(session, queries.visible_harvests(viewer, network_id, drafts), window)
        return connection([Harvest(row=row) for row in rows], window, total)

    @strawberry.field(description="Hosts asking to cite your confidential stories in their harvests.")
    async def my_citation_requests(self, info: Ctx) -> list[CitationRequest]:
        viewer = info.context.member()
        async with info.context.db.sessions() as session:
            found = await queries.requests_to(session, viewer.account_id)
            return [_request(r, h, await queries.items_citing(session, h.id, r.story_id)) for r, h in found]


async def _confidential(info: Ctx, harvest: HarvestRow) -> set[str]:
    """Cited stories that stay within peer groups (or were withdrawn): each needs its author's consent."""
    async with info.context.db.sessions() as session:
        cited = {s for item in await commands.items_of(session, harvest.id) for s in item.story_ids}
    found = await knowledge.story_glimpses(info.context.db, list(cited))
    return {s for s in cited if s not in found or found[s].confidential}


@strawberry.type
class Mutation(ActionMutation, EditMutation):
    @strawberry.mutation(description="Starts a draft harvest of a gathering (hosts only; co-hosts see the draft).")
    async def create_harvest(self, info: Ctx, network_id: strawberry.ID, harvest: HarvestInput) -> Harvest:
        viewer, db = info.context.member(), info.context.db
        await hosting(db, viewer, network_id)
        named = harvest.gathering.value if harvest.gathering else None
        kind = await gathering_kind(db, network_id, harvest.gathering_id, named)
        about = commands.Gathering(
            harvest.title, kind, harvest.held_on, harvest.summary, tuple(harvest.practice_areas), harvest.gathering_id
        )
        areas = frozenset(await networks.practice_areas(db, network_id))
        async with db.transaction() as session:
            return Harvest(row=await commands.create_harvest(session, viewer, network_id, areas, about))

    @strawberry.mutation(description="Adds an item citing stories and resources you may see to a draft.")
    async def add_harvest_item(
        self,
        info: Ctx,
        harvest_id: strawberry.ID,
        section: HarvestSection,
        text: str,
        story_ids: list[strawberry.ID] | None = None,
        resource_ids: list[strawberry.ID] | None = None,
        owner_id: strawberry.ID | None = None,
        due_on: date | None = None,
    ) -> HarvestItem:
        viewer, db = info.context.member(), info.context.db
        async with db.transaction() as session:
            harvest = await draft_harvest(session, viewer, harvest_id)
            cites = await citations.cited(db, viewer, list(story_ids or []), list(resource_ids or []))
            owner = await actions.owner(db, harvest.network_id, owner_id, due_on)
            item = await commands.add_item(session, harvest, section.value, text, cites, owner)
        return await shown_item(db, viewer, harvest, item.id)

    @strawberry.mutation(description="Removes an item from a draft.")
    async def remove_harvest_item(
        self, info: Ctx, harvest_id: strawberry.ID, harvest_item_id: strawberry.ID
    ) -> Harvest:
        viewer, db = info.context.member(), info.context.db
        async with db.transaction() as session:
            harvest = await draft_harvest(session, viewer, harvest_id)
            await commands.remove_item(session, harvest, harvest_item_id)
        return Harvest(row=harvest)

    @strawberry.mutation(description="Publishes a draft to its network and every network connected to it.")
    async def publish_harvest(self, info: Ctx, id: strawberry.ID) -> Harvest:
        viewer, db = info.context.member(), info.context.db
        async with db.transaction() as session:
            harvest = await draft_harvest(session, viewer, id)
            confidential = await _confidential(info, harvest)
            connected = await networks.connected_network_ids(db, harvest.network_id)
            return Harvest(row=await publishing.publish(session, harvest, connected, confidential))

    @strawberry.mutation(description="Consents to (or refuses) a host citing your confidential story.")
    async def answer_citation_request(self, info: Ctx, id: strawberry.ID, consent: bool) -> CitationRequest:
        viewer, db = info.context.member(), info.context.db
        async with db.transaction() as session:
            row = await citations.answer(session, db, viewer, id, consent)
            harvest = await session.get_one(HarvestRow, row.harvest_id)
            return _request(row, harvest, await queries.items_citing(session, harvest.id, row.story_id))
