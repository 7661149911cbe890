"""GraphQL object types of the harvests service."""

from datetime import date, datetime
from enum import Enum

import strawberry

from infra.context import Ctx
from services.harvests import tables
from services.harvests.export import harvest_markdown
from services.harvests.item_types import HarvestItem
from services.harvests.loaders import shown_items_by_harvest
from services.harvests.reading import ShownItem
from services.knowledge import api as knowledge


@strawberry.enum
class GatheringKind(Enum):
    WORLD_CAFE = "world_cafe"
    OPEN_SPACE = "open_space"
    STORYTELLING_CIRCLE = "storytelling_circle"
    DIALOGUE = "dialogue"
    APPRECIATIVE_INQUIRY = "appreciative_inquiry"
    ALUMNI_MEETING = "alumni_meeting"
    PEER_GROUP_ROUND = "peer_group_round"
    PROGRAMME = "programme"


@strawberry.type
class Harvest:
    row: strawberry.Private[tables.Harvest]

    async def _items(self, info: Ctx) -> list[ShownItem]:
        return await info.context.loader(shown_items_by_harvest).load(self.row.id)

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.row.id)

    @strawberry.field
    def title(self) -> str:
        return self.row.title

    @strawberry.field(description="Hidden by a reviewer: only the network's hosts still read it.")
    def hidden(self) -> bool:
        return bool(self.row.hidden)

    @strawberry.field
    def gathering(self) -> GatheringKind:
        return GatheringKind(self.row.gathering)

    @strawberry.field(description="The gathering it harvests, if it was held here.")
    def gathering_id(self) -> strawberry.ID | None:
        return strawberry.ID(self.row.gathering_id) if self.row.gathering_id else None

    @strawberry.field
    def held_on(self) -> date | None:
        return self.row.held_on

    @strawberry.field(description="As written: Markdown.")
    def summary(self) -> str:
        return self.row.summary

    @strawberry.field(description="The summary as safe HTML, for readers: no script, raw HTML or unsafe link.")
    def summary_html(self) -> str:
        return knowledge.readable_html(self.row.summary)

    @strawberry.field
    def practice_areas(self) -> list[str]:
        return self.row.practice_areas

    @strawberry.field(description="draft (hosts only) or published.")
    def status(self) -> str:
        return self.row.status

    @strawberry.field
    def network_id(self) -> strawberry.ID:
        return strawberry.ID(self.row.network_id)

    @strawberry.field(description="Once published: the network and the networks connected to it then.")
    def audience(self) -> list[str]:
        return self.row.audience

    @strawberry.field
    def harvested_by(self) -> str:
        return self.row.created_by_name

    @strawberry.field
    def published_at(self) -> datetime | None:
        return self.row.published_at

    @strawberry.field(description="Insights, patterns, open questions and actions, section by section.")
    async def items(self, info: Ctx) -> list[HarvestItem]:
        return [HarvestItem(shown=item) for item in await self._items(info)]

    @strawberry.field(description="The harvest as Markdown, showing what you may see.")
    async def markdown(self, info: Ctx) -> str:
        return harvest_markdown(self.row, await self._items(info))


@strawberry.type(description="A host asks to cite your confidential story in a harvest.")
class CitationRequest:
    id: strawberry.ID
    status: str
    story_id: strawberry.ID
    harvest_title: str
    gathering: GatheringKind
    asked_by: str
    asked_at: datetime
    citing_items: list[str] = strawberry.field(description="What the harvest says where it cites your story.")
