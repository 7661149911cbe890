"""The data the gateway benchmarks read: one network with local groups and many members, built fast.

The host, the network and its local groups are made through the real GraphQL API. The members themselves are
bulk-inserted rows (profiles, memberships, local-group places): signing up thousands through the API would
spend the benchmark's minutes hashing passwords. So are their stories' feed items (`share_stories`).
"""

import random
from dataclasses import dataclass

import httpx
from sqlalchemy import insert

from bench.feeds_data import story, write_items
from events import audience
from events.envelope import Event
from infra.columns import new_id
from infra.database import Database
from services.networks.api import DEFAULT_PRACTICE_AREAS
from services.networks.tables import LocalGroupMember, Membership, Profile

FIRST = ("Amara", "Ben", "Chen", "Dana", "Eli", "Farah", "Gus", "Hana", "Ines", "Jon", "Kofi", "Lena", "Mo", "Noor")
LAST = ("Okafor", "Carter", "Wei", "Novak", "Haddad", "Silva", "Berg", "Tanaka", "Moreau", "Ivanova", "Byrne")
SIGN_UP = 'mutation($e: String!, $n: String!) { signUp(email: $e, password: "bench password 1", name: $n) { email } }'
SIGN_IN = 'mutation($e: String!) { signIn(email: $e, password: "bench password 1", forApi: true) { token } }'
NETWORK = 'mutation { createNetwork(name: "Leadership Alumni Network", description: "Benchmark network") { id } }'
GROUP = "mutation($n: ID!, $name: String!) { createLocalGroup(networkId: $n, name: $name, place: $name) { id } }"


@dataclass(frozen=True)
class Community:
    host_token: str
    network_id: str
    local_group_ids: list[str]
    member_ids: list[str]
    names: dict[str, str]
    # Each member's one local group.
    places: dict[str, str]


async def _run(http: httpx.AsyncClient, query: str, token: str | None = None, **variables: object) -> dict:  # type: ignore[type-arg]
    headers = {"authorization": f"Bearer {token}"} if token else {}
    body = (await http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)).json()
    if body.get("errors"):
        raise RuntimeError(f"seeding failed: {body['errors']}")
    return body["data"]


def _profile(index: int, rng: random.Random) -> dict[str, object]:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {index:05}"
    areas = rng.sample(DEFAULT_PRACTICE_AREAS, 2)
    bio = f"Alumna of cohort {index % 40}; works on {areas[0]} and {areas[1]} in her local community."
    return {"member_id": new_id(), "name": name, "bio": bio, "practice_areas": areas, "offers": "", "seeks": ""}


async def build(base_url: str, db: Database, members: int, groups: int, seed: int = 7) -> Community:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        await _run(http, SIGN_UP, e="host@bench.example.org", n="Hana Host")
        token = (await _run(http, SIGN_IN, e="host@bench.example.org"))["signIn"]["token"]
        network = (await _run(http, NETWORK, token))["createNetwork"]["id"]
        group_ids = [
            (await _run(http, GROUP, token, n=network, name=f"Group {i:03}"))["createLocalGroup"]["id"]
            for i in range(groups)
        ]
    rng = random.Random(seed)
    profiles = [_profile(i, rng) for i in range(members)]
    ids = [str(p["member_id"]) for p in profiles]
    async with db.transaction() as session:
        await session.execute(insert(Profile), profiles)
        await session.execute(
            insert(Membership), [{"network_id": network, "member_id": i, "role": "member"} for i in ids]
        )
        places = {i: group_ids[n % groups] for n, i in enumerate(ids)}
        await session.execute(
            insert(LocalGroupMember), [{"local_group_id": g, "member_id": i} for i, g in places.items()]
        )
    return Community(token, network, group_ids, ids, {str(p["member_id"]): str(p["name"]) for p in profiles}, places)


async def share_stories(db: Database, community: Community, count: int, seed: int = 7) -> None:
    """Stories by members in their local groups, shared with the network, over two weeks, written as the feeds
    projector writes them (its own `copy` of an event into an item) but in bulk: 100,000 stories through the
    outbox and the server's consumers would take the benchmark's minutes."""
    await write_items(db, stories(community, count, seed))


def stories(community: Community, count: int, seed: int = 7) -> list[Event]:
    """The events of `count` stories by random members, each in the author's local group, shared with the network."""
    rng, network = random.Random(seed), community.network_id
    authors = rng.choices(community.member_ids, k=count)
    return [
        story(
            network,
            [audience.network(network)],
            f"Story {n:04} from {community.names[a]}",
            rng.uniform(60, 14 * 86400),
            community.places[a],
            author_id=a,
            author_name=community.names[a],
        )
        for n, a in enumerate(authors)
    ]
