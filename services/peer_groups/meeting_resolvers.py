"""Moving and cancelling meetings: the peer groups service's mutations for a meeting that has not begun."""

from datetime import datetime

import strawberry

from infra.context import Ctx
from services.peer_groups import meetings, rescheduling
from services.peer_groups.run_types import Meeting


@strawberry.type
class MeetingMutation:
    @strawberry.mutation(description="Moves a meeting that has not begun; its members are told, reminded anew.")
    async def move_meeting(self, info: Ctx, meeting_id: strawberry.ID, starts_at: datetime) -> Meeting:
        member = info.context.member().account_id
        async with info.context.db.transaction() as session:
            await rescheduling.move(session, member, meeting_id, starts_at)
            group, row = await meetings.group_meeting(session, member, meeting_id)
        return Meeting(row=row, group=group)

    @strawberry.mutation(description="Cancels a meeting that has not begun; its members are told. Returns its id.")
    async def cancel_meeting(self, info: Ctx, meeting_id: strawberry.ID) -> strawberry.ID:
        async with info.context.db.transaction() as session:
            await rescheduling.cancel(session, info.context.member().account_id, meeting_id)
        return meeting_id
