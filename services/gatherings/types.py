"""GraphQL object types of the gatherings service."""

from datetime import datetime
from enum import Enum

import strawberry

from infra.context import Ctx
from services.gatherings import queries, tables
from services.gatherings.rsvps import count, position


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
        return cls(row=row, id=strawberry.ID(row.id), kind=GatheringFormat(row.kind), title=row.title,
                   starts_at=row.starts_at, ends_at=row.ends_at, place=row.place, link=row.link, agenda=row.agenda,
                   capacity=row.capacity, waiting_list=row.waiting_list, status=row.status,
                   network_id=strawberry.ID(row.network_id),
                   local_group_id=strawberry.ID(row.local_group_id) if row.local_group_id else None,
                   hosted_by=row.created_by_name, viewer_hosts=hosting,
                   calendar_path=f"/gatherings/{row.id}/gathering.ics")  # fmt: skip

    @strawberry.field(description="How many members are going.")
    async def going(self, info: Ctx) -> int:
        async with info.context.db.sessions() as session:
            return await count(session, self.row.id, "going")

    @strawberry.field(description="How many members are on the waiting list.")
    async def waiting(self, info: Ctx) -> int:
        async with info.context.db.sessions() as session:
            return await count(session, self.row.id, "waiting")

    @strawberry.field
    async def my_rsvp(self, info: Ctx) -> MyRsvp:
        async with info.context.db.sessions() as session:
            rsvp = await session.get(tables.Rsvp, (self.row.id, info.context.member().account_id))
            if rsvp is None:
                return MyRsvp(answer=None, position=None)
            return MyRsvp(answer=RsvpAnswer(rsvp.answer), position=await position(session, rsvp))

    @strawberry.field(description="Who answered and who was there: for its hosts only (None for others).")
    async def attendees(self, info: Ctx) -> list[Attendee] | None:
        if not self.viewer_hosts:
            return None
        async with info.context.db.sessions() as session:
            answers, marked = await queries.rsvps(session, self.row.id), await queries.attendance(session, self.row.id)
            places = {r.member_id: await position(session, r) for r in answers}
        names = {r.member_id: r.member_name for r in answers} | {m: a.member_name for m, a in marked.items()}
        said = {r.member_id: RsvpAnswer(r.answer) for r in answers}
        return [Attendee(member_id=strawberry.ID(m), name=name, answer=said.get(m), position=places.get(m),
                         present=marked[m].present if m in marked else None) for m, name in names.items()]  # fmt: skip
