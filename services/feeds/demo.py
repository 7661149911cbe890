"""Demo choices for `make run`: what the demo people follow and mute.

The feed items themselves need no seeding: the projector builds them from the demo's networks, stories,
resources and harvests as their events flow.
"""

from infra.database import Database
from infra.viewer import Viewer
from services.feeds.commands import InterestKind, Stance, choose

# Seed 003's themes, as the demo people would pick them.
FOLLOWS = (("hosting", "boundary-crossing"), ("mentoring",), ("adaptive leadership", "coaching"))
MUTES = ((), ("social media and technology",), ())


async def seed_feeds(db: Database, people: list[Viewer]) -> None:
    async with db.transaction() as session:
        for person, follows, mutes in zip(people, FOLLOWS, MUTES, strict=False):
            for area in follows:
                await choose(session, person, InterestKind.PRACTICE_AREA, area, Stance.FOLLOW, True)
            for area in mutes:
                await choose(session, person, InterestKind.PRACTICE_AREA, area, Stance.MUTE, True)
