"""The gatherings service's part of the GraphQL schema."""

from datetime import datetime

import strawberry

from infra.columns import utcnow
from infra.context import Ctx
from infra.errors import InvalidInput
from infra.pagination import Connection, connection, page, windowed
from services.gatherings import attendance, commands, queries, rsvps
from services.gatherings.access import circle_to_host, hosted, visible
from services.gatherings.plans import GatheringPlan
from services.gatherings.types import Gathering, GatheringFormat
from services.networks import api as networks

MOST_MARKED = 500


@strawberry.input
class GatheringInput:
    kind: GatheringFormat
    title: str
    starts_at: datetime = strawberry.field(description="With its time zone offset, as every time here.")
    ends_at: datetime
    capacity: int
    place: str = ""
    link: str = strawberry.field(default="", description="To join online: https://…")
    agenda: str = ""
    waiting_list: bool = strawberry.field(default=True, description="When full, a yes waits for a place.")

    def plan(self) -> GatheringPlan:
        return GatheringPlan(
            self.kind.value,
            self.title,
            self.starts_at,
            self.ends_at,
            self.place,
            self.link,
            self.agenda,
            self.capacity,
            self.waiting_list,
        )


@strawberry.type
class Query:
    @strawberry.field(description="A gathering of your network or local group (or of a network you host).")
    async def gathering(self, info: Ctx, id: strawberry.ID) -> Gathering:
        async with info.context.db.sessions() as session:
            return Gathering.of(*await visible(session, info.context.member(), id))

    @strawberry.field(description="A network's gatherings (or one local group's) you may see, soonest first.")
    async def gatherings(
        self,
        info: Ctx,
        network_id: strawberry.ID,
        local_group_id: strawberry.ID | None = None,
        upcoming: bool = True,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Gathering]:
        viewer, window = info.context.member(), page(first, after)
        hosting = await networks.role_in(info.context.db, network_id, viewer.account_id) == "host"
        query = queries.listed(viewer, network_id, local_group_id, utcnow() if upcoming else None)
        async with info.context.db.sessions() as session:
            rows, total = await windowed(session, query, window)
        return connection([Gathering.of(row, hosting) for row in rows], window, total)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Schedules a gathering of a network you host, or of one of its local groups.")
    async def schedule_gathering(
        self,
        info: Ctx,
        network_id: strawberry.ID,
        gathering: GatheringInput,
        local_group_id: strawberry.ID | None = None,
    ) -> Gathering:
        viewer, db = info.context.member(), info.context.db
        key = await circle_to_host(db, viewer, network_id, local_group_id)
        async with db.transaction() as session:
            made = await commands.schedule(session, viewer, (network_id, local_group_id, key), gathering.plan())
            return Gathering.of(made, True)

    @strawberry.mutation(description="Changes a gathering you host; members going or waiting are told.")
    async def edit_gathering(self, info: Ctx, id: strawberry.ID, gathering: GatheringInput) -> Gathering:
        async with info.context.db.transaction() as session:
            found = await hosted(session, info.context.member(), id, "edit its gatherings")
            return Gathering.of(await commands.edit(session, found, gathering.plan()), True)

    @strawberry.mutation(description="Cancels a gathering you host; members going or waiting are told.")
    async def cancel_gathering(self, info: Ctx, id: strawberry.ID) -> Gathering:
        async with info.context.db.transaction() as session:
            found = await hosted(session, info.context.member(), id, "cancel its gatherings")
            return Gathering.of(await commands.cancel(session, found), True)

    @strawberry.mutation(description="Yes (going, or the waiting list when full) or no (gives your place up).")
    async def rsvp_to_gathering(self, info: Ctx, id: strawberry.ID, going: bool) -> Gathering:
        viewer = info.context.member()
        async with info.context.db.transaction() as session:
            found, hosting = await visible(session, viewer, id)
            await rsvps.answer(session, viewer, found, going)
            return Gathering.of(found, hosting)

    @strawberry.mutation(description="Records who was there: those named present, the others going absent.")
    async def record_gathering_attendance(
        self, info: Ctx, id: strawberry.ID, present_ids: list[strawberry.ID]
    ) -> Gathering:
        viewer, db = info.context.member(), info.context.db
        if len(present_ids) > MOST_MARKED:
            raise InvalidInput(f"Mark at most {MOST_MARKED} members at a time.")
        async with db.transaction() as session:
            found = await hosted(session, viewer, id, "record attendance")
            names = await attendance.marked(db, session, found, list(present_ids))
            await attendance.record_attendance(session, viewer, found, names, list(present_ids))
            return Gathering.of(found, True)
