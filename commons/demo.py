"""Demo data for `make run`: a network with hosts, local groups and members, seeded on first start only."""

from dataclasses import replace

from sqlalchemy import func, select

from commons.runtime import Runtime
from infra.viewer import Viewer
from services.accounts import commands as accounts
from services.accounts.tables import Account
from services.feeds.demo import seed_feeds
from services.gatherings.demo import seed_gatherings
from services.harvests.demo import seed_harvests
from services.knowledge.demo import seed_knowledge
from services.networks import commands as networks
from services.networks import local_groups, membership
from services.peer_groups.demo import seed_peer_groups

PASSWORD = "practice-commons"
PEOPLE = (
    ("amara@example.org", "Amara Okafor"),
    ("ben@example.org", "Ben Carter"),
    ("chen@example.org", "Chen Wei"),
    ("dana@example.org", "Dana Novak"),
    ("eli@example.org", "Eli Haddad"),
)
LOCAL_GROUPS = (
    ("Leeds chapter", "Leeds", ["boundary-crossing", "hosting"]),
    ("Bristol circle", "Bristol", ["place-based leadership", "mentoring"]),
    ("Glasgow cohort 2025", "Glasgow", ["adaptive leadership", "coaching"]),
)


async def _person(runtime: Runtime, email: str, name: str) -> Viewer:
    row = await accounts.sign_up(runtime.db, runtime.settings, email, PASSWORD, name, verified=True)
    if row is None:
        raise RuntimeError(f"{email} has an account already: the demo seeds an empty database only.")
    return Viewer(row.id, row.email, row.name, audiences=frozenset({"platform"}))


async def seed(runtime: Runtime) -> bool:
    """Seeds once: returns False when the database already has accounts."""
    async with runtime.db.sessions() as session:
        if await session.scalar(select(func.count()).select_from(Account)):
            return False
    host = await _person(runtime, "host@example.org", "Hana Host")
    people = [await _person(runtime, email, name) for email, name in PEOPLE]
    async with runtime.db.transaction() as session:
        network = await networks.create_network(
            session,
            host,
            "Leadership Alumni Network",
            "Alumni of the leadership programmes, learning from each other across communities.",
            False,
        )
        groups = [
            await local_groups.create_local_group(session, host, network.id, name, place, "", areas)
            for name, place, areas in LOCAL_GROUPS
        ]
        for index, person in enumerate(people):
            invitation = await membership.invite(session, host, network.id, person.email, person.account_id)
            await session.flush()
            await membership.accept_invitation(session, person, invitation.id, person.email)
            inside = replace(person, audiences=person.audiences | {f"network:{network.id}"})
            await local_groups.join_local_group(session, inside, groups[index % len(groups)].id)
    await seed_peer_groups(runtime.db, network.id, people[:3], host)
    shared = await seed_knowledge(runtime.db, host, people, network.id, groups[0].id)
    cited = [story.id for story in shared.stories if story.author_id == people[0].account_id]
    leeds_first = [people[0], people[3], *people[1:3], people[4]]
    cafe = await seed_gatherings(runtime.db, host, network.id, groups[0].id, leeds_first)
    await seed_harvests(runtime.db, host, people[:1], network.id, cited, [r.id for r in shared.resources[:3]], cafe.id)
    await seed_feeds(runtime.db, people)
    return True
