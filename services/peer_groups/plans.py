"""Development plans: a member's "own agenda towards stronger leadership" (seed 000): goals with milestones, and
check-ins at meetings that benchmark progress against it. The member chooses who sees it."""

from datetime import datetime

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.columns import utcnow
from infra.errors import InvalidInput, NotFound
from infra.text import clean_lines, clean_text, one_of
from services.peer_groups.access import Actor
from services.peer_groups.meetings import group_meeting
from services.peer_groups.tables import CheckIn, DevelopmentPlan, Goal, GroupMember, PeerGroup

VISIBILITIES = ("only_me", "peer_group", "coordinator")


async def own_plan(session: AsyncSession, actor: Actor, network_id: str) -> DevelopmentPlan:
    """The member's plan in a network they belong to, begun on first use."""
    query = select(DevelopmentPlan).where(
        DevelopmentPlan.member_id == actor.id, DevelopmentPlan.network_id == network_id
    )
    plan = await session.scalar(query)
    if plan is None:
        if await actor.role_in(network_id) is None:
            raise NotFound("No such network.")
        plan = DevelopmentPlan(member_id=actor.id, network_id=network_id, visibility="only_me", created_at=utcnow())
        session.add(plan)
        await session.flush()
    return plan


async def set_visibility(session: AsyncSession, actor: Actor, network_id: str, visibility: str) -> DevelopmentPlan:
    plan = await own_plan(session, actor, network_id)
    plan.visibility = one_of(visibility, VISIBILITIES, "A plan's visibility")
    return plan


async def add_goal(session: AsyncSession, actor: Actor, network_id: str, title: str, milestones: list[str]) -> Goal:
    plan = await own_plan(session, actor, network_id)
    steps = [{"title": line, "done": False} for line in clean_lines(milestones, "A milestone", 300, 20)]
    goal = Goal(plan_id=plan.id, title=clean_text(title, "A goal", 300, 2), milestones=steps, created_at=utcnow())
    session.add(goal)
    await session.flush()
    return goal


async def own_goal(session: AsyncSession, member_id: str, goal_id: str) -> Goal:
    goal = await session.get(Goal, goal_id)
    plan = await session.get(DevelopmentPlan, goal.plan_id) if goal else None
    if goal is None or plan is None or plan.member_id != member_id:
        raise NotFound("No such goal.")
    return goal


async def mark_milestone(session: AsyncSession, member_id: str, goal_id: str, index: int, done: bool) -> Goal:
    goal = await own_goal(session, member_id, goal_id)
    if not 0 <= index < len(goal.milestones):
        raise InvalidInput("That goal has no such milestone.")
    goal.milestones = [{**m, "done": done} if i == index else m for i, m in enumerate(goal.milestones)]
    return goal


async def check_in(
    session: AsyncSession, member_id: str, goal_id: str, meeting_id: str | None, progress: int, texts: tuple[str, str]
) -> CheckIn:
    """`texts` is (reflection, what I'll try next); a meeting, if named, is one of the member's own groups."""
    goal = await own_goal(session, member_id, goal_id)
    if meeting_id is not None:
        await group_meeting(session, member_id, meeting_id)
    if not 0 <= progress <= 100:
        raise InvalidInput("Progress is a percentage, 0 to 100.")
    entry = CheckIn(
        goal_id=goal.id,
        meeting_id=meeting_id,
        progress=progress,
        created_at=utcnow(),
        reflection=clean_text(texts[0], "A reflection", 5000),
        next_step=clean_text(texts[1], "What you'll try next", 2000),
    )
    session.add(entry)
    await session.flush()
    return entry


def _agreed(member_id: SQLColumnExpression[str] | str) -> ColumnElement[bool]:
    """The query's peer group seats `member_id`, who accepted its current contract."""
    seats = select(GroupMember.group_id).where(
        GroupMember.member_id == member_id, GroupMember.accepted_version == PeerGroup.contract_version
    )
    return PeerGroup.id.in_(seats.correlate(PeerGroup, DevelopmentPlan))


async def shared_with_group(session: AsyncSession, group: PeerGroup) -> list[DevelopmentPlan]:
    """Plans shared with their peer groups by the group's members who accepted its contract: a colleague seated
    in a group without agreeing to its contract has not shared anything with it."""
    members = select(GroupMember.member_id).where(
        GroupMember.group_id == group.id, GroupMember.accepted_version == group.contract_version
    )
    query = select(DevelopmentPlan).where(
        DevelopmentPlan.network_id == group.network_id,
        DevelopmentPlan.visibility == "peer_group",
        DevelopmentPlan.member_id.in_(members),
    )
    return list(await session.scalars(query))


def _shared_groups(viewer_id: str) -> Select[str]:
    """Groups of the plan's network where owner and viewer both accepted the current contract."""
    return select(PeerGroup.id).where(
        PeerGroup.network_id == DevelopmentPlan.network_id, _agreed(DevelopmentPlan.member_id), _agreed(viewer_id)
    )


async def visible_plan(session: AsyncSession, actor: Actor, plan_id: str) -> tuple[DevelopmentPlan, datetime | None]:
    """Its member's; their peer groups' (if shared there); the network's coordinators' (if shared with them). One
    read filtered by what the actor may see; with it, the moment from which its check-ins are theirs to see."""
    coordinated = await actor.coordinated()
    query = select(DevelopmentPlan).where(
        DevelopmentPlan.id == plan_id,
        or_(
            DevelopmentPlan.member_id == actor.id,
            and_(DevelopmentPlan.visibility == "peer_group", exists(_shared_groups(actor.id))),
            and_(DevelopmentPlan.visibility == "coordinator", DevelopmentPlan.network_id.in_(coordinated)),
        ),
    )
    plan = await session.scalar(query)
    if plan is None:
        raise NotFound("No such development plan.")
    if plan.member_id == actor.id or plan.visibility != "peer_group":
        return plan, None
    return plan, await _seen_from(session, plan, actor.id)


async def _seen_from(session: AsyncSession, plan: DevelopmentPlan, viewer_id: str) -> datetime | None:
    """The earliest a peer may see of the plan's check-ins, over the groups they share with its member."""
    query = select(GroupMember.sees_from).where(
        GroupMember.member_id == viewer_id,
        GroupMember.group_id.in_(_shared_groups(viewer_id).where(DevelopmentPlan.id == plan.id)),
    )
    moments = list(await session.scalars(query))
    known = [moment for moment in moments if moment is not None]
    return None if len(known) < len(moments) else min(known, default=None)
