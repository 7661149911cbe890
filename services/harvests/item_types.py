"""GraphQL types of a harvest's items and what they cite, as one reader may see them."""

from datetime import date, datetime
from enum import Enum

import strawberry

from services.harvests.reading import ShownItem, ShownStory


@strawberry.enum
class HarvestSection(Enum):
    INSIGHTS = "insights"
    PATTERNS = "patterns"
    OPEN_QUESTIONS = "open_questions"
    ACTIONS = "actions"


@strawberry.type(description="A cited story; its title and excerpt only if you may see it or its author consented.")
class CitedStory:
    shown: strawberry.Private[ShownStory]

    @strawberry.field
    def visible(self) -> bool:
        return self.shown.glimpse is not None

    @strawberry.field
    def id(self) -> strawberry.ID | None:
        return strawberry.ID(self.shown.glimpse.id) if self.shown.glimpse else None

    @strawberry.field
    def title(self) -> str | None:
        return self.shown.glimpse.title if self.shown.glimpse else None

    @strawberry.field
    def excerpt(self) -> str | None:
        return self.shown.glimpse.excerpt if self.shown.glimpse else None

    @strawberry.field
    def author_name(self) -> str | None:
        return self.shown.glimpse.author_name if self.shown.glimpse else None

    @strawberry.field(description="For a confidential story: pending, given or refused.")
    def consent(self) -> str | None:
        return self.shown.consent


@strawberry.type
class CitedResource:
    id: strawberry.ID
    title: str
    url: str | None
    authors: list[str]
    year: int | None


@strawberry.type
class HarvestItem:
    shown: strawberry.Private[ShownItem]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.shown.row.id)

    @strawberry.field
    def section(self) -> HarvestSection:
        return HarvestSection(self.shown.row.section)

    @strawberry.field
    def position(self) -> int:
        return self.shown.row.position

    @strawberry.field
    def text(self) -> str:
        return self.shown.row.text

    @strawberry.field(description="An action's owner, a member of the network.")
    def owner_id(self) -> strawberry.ID | None:
        return strawberry.ID(self.shown.row.owner_id) if self.shown.row.owner_id else None

    @strawberry.field
    def owner_name(self) -> str | None:
        return self.shown.row.owner_name

    @strawberry.field
    def due_on(self) -> date | None:
        return self.shown.row.due_on

    @strawberry.field(description="When its owner marked the action done; None while open.")
    def done_at(self) -> datetime | None:
        return self.shown.row.done_at

    @strawberry.field
    def stories(self) -> list[CitedStory]:
        return [CitedStory(shown=story) for story in self.shown.stories]

    @strawberry.field
    def resources(self) -> list[CitedResource]:
        return [
            CitedResource(id=strawberry.ID(r.id), title=r.title, url=r.url, authors=list(r.authors), year=r.year)
            for r in self.shown.resources
        ]
