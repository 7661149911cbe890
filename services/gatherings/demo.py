"""Demo data: the network's World Café next week and its alumni meeting a month later (which the café's harvest
seeds with follow-ups), and a Leeds storytelling circle with one seat, taken, and a member waiting for it."""

from datetime import timedelta

from events import audience
from infra.columns import utcnow
from infra.database import Database
from infra.viewer import Viewer
from services.gatherings import commands, rsvps
from services.gatherings.plans import GatheringPlan
from services.gatherings.tables import Gathering
from services.networks import api as networks

CAFE = "Three café rounds on one question: what helps learning travel between communities? Then we harvest together."
ALUMNI = "Monthly alumni meeting: how have you applied what you learned? Then the café's open questions and actions."
CIRCLE = "A storytelling circle: one story each of a time we crossed a boundary, then silence, then what we heard."


def _plan(kind: str, title: str, days: int, capacity: int, agenda: str) -> GatheringPlan:
    start = (utcnow() + timedelta(days=days)).replace(hour=18, minute=0, second=0, microsecond=0)
    return GatheringPlan(kind, title, start, start + timedelta(hours=2), "Leeds Central Library", "", agenda, capacity)


async def _answer(db: Database, gathering: Gathering, members: list[Viewer]) -> None:
    async with db.transaction() as session:
        found = await session.get_one(Gathering, gathering.id)
        for member in members:
            circles = await networks.audiences_of(db, member.account_id)
            seen = Viewer(member.account_id, member.email, member.name, audiences=circles)
            await rsvps.answer(session, seen, found, True)


async def seed_gatherings(
    db: Database, host: Viewer, network_id: str, local_group_id: str, members: list[Viewer]
) -> Gathering:
    """`members`: the network's, the first two in the local group. Returns the café, for its harvest."""
    whole, local = (
        (network_id, None, audience.network(network_id)),
        (network_id, local_group_id, audience.local_group(local_group_id)),
    )
    async with db.transaction() as session:
        cafe = await commands.schedule(session, host, whole, _plan("world_cafe", "Leeds World Café", 7, 30, CAFE))
        alumni = await commands.schedule(
            session, host, whole, _plan("alumni_meeting", "Alumni meeting", 35, 30, ALUMNI)
        )
        circle = await commands.schedule(
            session, host, local, _plan("storytelling_circle", "Leeds storytelling circle", 14, 1, CIRCLE)
        )
    await _answer(db, cafe, members)
    await _answer(db, alumni, members[:3])
    await _answer(db, circle, members[:2])
    return cafe
