"""Per-request DataLoaders for lists of groups, their meetings and shared plans."""

from datetime import datetime

from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from infra.loaders import batched
from services.networks import api as networks
from services.peer_groups import queries
from services.peer_groups.cadence import HeldMeeting
from services.peer_groups.tables import Attendance, CheckIn, Goal, GroupMember


def seats_by_group(context: RequestContext) -> DataLoader[str, list[GroupMember]]:
    return batched(context, queries.seats_by_group)


def held_meetings_by_group(context: RequestContext) -> DataLoader[str, list[HeldMeeting]]:
    return batched(context, queries.held_meetings_by_group)


def attendance_by_meeting(context: RequestContext) -> DataLoader[str, list[Attendance]]:
    return batched(context, queries.attendance_by_meeting)


def goals_by_plan(context: RequestContext) -> DataLoader[str, list[Goal]]:
    return batched(context, queries.goals_by_plan)


def check_ins_by_goal(context: RequestContext) -> DataLoader[tuple[str, datetime | None], list[CheckIn]]:
    """Keyed by goal and the reader's `seen_from`, so a late joiner's check-ins are filtered in the one read."""

    async def load(keys: list[tuple[str, datetime | None]]) -> list[list[CheckIn]]:
        found: dict[tuple[str, datetime | None], list[CheckIn]] = {}
        async with context.db.sessions() as session:
            for seen_from in {seen_from for _, seen_from in keys}:
                goal_ids = [goal_id for goal_id, seen in keys if seen == seen_from]
                rows = await queries.check_ins_by_goal(session, goal_ids, seen_from)
                found |= {(goal_id, seen_from): rows[goal_id] for goal_id in goal_ids}
        return [found[key] for key in keys]

    return DataLoader(load_fn=load)


def names_by_member(context: RequestContext) -> DataLoader[str, str]:
    async def load(member_ids: list[str]) -> list[str]:
        found = await networks.member_names(context.db, member_ids)
        return [found.get(member_id, "") for member_id in member_ids]

    return DataLoader(load_fn=load)
