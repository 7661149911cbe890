"""GraphQL object types of the gatherings service."""

from datetime import datetime
from enum import Enum

import strawberry

from infra.context import Ctx
from services.gatherings import loaders, tables
from services.gatherings.rsvps import GOING, WAITING


@strawberry.enum(description="World Café, Open Space, storytelling circle, dialogue, appreciative inquiry, alumni.")
class GatheringFormat(Enum):
    WORLD_CAFE = "world_cafe"
    OPEN_SPACE = "open_space"
    STORYTELLING_CIRCLE = "storytelling_circle"
    DIALOGUE = "dialogue"
    APPRECIATIVE_INQUIRY = "appreciative_inquiry"
    ALUMNI_MEETING = "alumni_meeting"


@strawberry.enum
class RsvpAnswer(Enum):
    GOING = "going"
    WAITING = "waiting"
    NOT_GOING = "not_going"


@strawberry.type(description="Your answer; a waiting member's place on the list (1 is next).")
class MyRsvp:
    answer: RsvpAnswer | None
    position: int | None


def _place(answers: list[tables.Rsvp], rsvp: tables.Rsvp) -> int | None:
    """A waiting member's place on the list, 1 being next (as `rsvps.position` counts it, from a page's answers)."""
    if rsvp.answer != WAITING:
        return None
    return 1 + sum(1 for other in answers if other.answer == WAITING and other.queue < rsvp.queue)


@strawberry.type(description="A member who answered, or whom a host marked present, as hosts see them.")
class Attendee:
    member_id: strawberry.ID
    name: str
    answer: RsvpAnswer | None
    position: int | None
    present: bool | None


@strawberry.type
class Gathering:
    row: strawberry.Private[tables.Gathering]
    id: strawberry.ID
    kind: GatheringFormat
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    link: str
    agenda: str = strawberry.field(description="The host's agenda; gatheringFollowUps carries the last one's over.")
    capacity: int
    waiting_list: bool
    status: str = strawberry.field(description="scheduled or cancelled.")
    network_id: strawberry.ID
    local_group_id: strawberry.ID | None
    hosted_by: str
    viewer_hosts: bool = strawberry.field(description="Whether you host it: you edit it and record attendance.")
    calendar_path: str = strawberry.field(description="Its .ics file, for members' calendars.")

    @classmethod
    def of(cls, row: tables.Gathering, hosting: bool) -> "Gathering":
        return cls(
            row=row,
            id=strawberry.ID(row.id),
            kind=GatheringFormat(row.kind),
            title=row.title,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            place=row.place,
            link=row.link,
            agenda=row.agenda,
            capacity=row.capacity,
            waiting_list=row.waiting_list,
            status=row.status,
            network_id=strawberry.ID(row.network_id),
            local_group_id=strawberry.ID(row.local_group_id) if row.local_group_id else None,
            hosted_by=row.created_by_name,
            viewer_hosts=hosting,
            calendar_path=f"/gatherings/{row.id}/gathering.ics",
        )

    async def _answers(self, info: Ctx) -> list[tables.Rsvp]:
        return await info.context.loader(loaders.rsvps_by_gathering).load(self.row.id)

    @strawberry.field(description="How many members are going.")
    async def going(self, info: Ctx) -> int:
        return sum(1 for rsvp in await self._answers(info) if rsvp.answer == GOING)

    @strawberry.field(description="How many members are on the waiting list.")
    async def waiting(self, info: Ctx) -> int:
        return sum(1 for rsvp in await self._answers(info) if rsvp.answer == WAITING)

    @strawberry.field
    async def my_rsvp(self, info: Ctx) -> MyRsvp:
        answers, me = await self._answers(info), info.context.member().account_id
        rsvp = next((rsvp for rsvp in answers if rsvp.member_id == me), None)
        if rsvp is None:
            return MyRsvp(answer=None, position=None)
        return MyRsvp(answer=RsvpAnswer(rsvp.answer), position=_place(answers, rsvp))

    @strawberry.field(description="Who answered and who was there: for its hosts only (None for others).")
    async def attendees(self, info: Ctx) -> list[Attendee] | None:
        if not self.viewer_hosts:
            return None
        answers = await self._answers(info)
        marked = await info.context.loader(loaders.attendance_by_gathering).load(self.row.id)
        places = {r.member_id: _place(answers, r) for r in answers}
        names = {r.member_id: r.member_name for r in answers} | {m: a.member_name for m, a in marked.items()}
        said = {r.member_id: RsvpAnswer(r.answer) for r in answers}
        return [
            Attendee(
                member_id=strawberry.ID(m),
                name=name,
                answer=said.get(m),
                position=places.get(m),
                present=marked[m].present if m in marked else None,
            )
            for m, name in names.items()
        ]
