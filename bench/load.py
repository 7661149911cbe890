"""A bounded mixed workload against a running server, and the check that no acknowledged write was lost.

Members read their network's member pages and local groups, update their profiles and (the host) open new
local groups; when the schema has `search`, they search for what was just written. Every write the server
acknowledged is remembered and checked afterwards: readable (and, with search, found exactly once).
Run alone against a fresh `commons serve`: `python -m bench.load [SECONDS]`.
"""

import asyncio
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

import httpx

from bench.acknowledged import GROUPS, SEARCH, lost_writes
from bench.client import Measured, served
from bench.community import GROUP, NETWORK, SIGN_UP
from bench.report import Row, table

INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
MEMBERS = (
    "query($n: ID!) { network(id: $n) { members(first: 20) { totalCount"
    " edges { node { name localGroups { name } } } } } }"
)

PROFILE = "mutation($bio: String!) { updateProfile(input: {bio: $bio}) { bio } }"


@dataclass
class Load:
    base_url: str
    network_id: str = ""
    tokens: list[str] = field(default_factory=list)
    measured: dict[str, Measured] = field(default_factory=lambda: defaultdict(Measured))
    # Acknowledged writes: the last bio each member was told was saved, and every local group opened.
    bios: dict[str, str] = field(default_factory=dict)
    groups: list[str] = field(default_factory=list)
    can_search: bool = False

    async def call(self, http: httpx.AsyncClient, action: str, query: str, token: str, **variables: object) -> dict:  # type: ignore[type-arg]
        started = time.perf_counter()
        try:
            response = await http.post("/graphql", json={"query": query, "variables": variables},
                                       headers={"authorization": f"Bearer {token}"})  # fmt: skip
        except httpx.TransportError as error:
            self.measured[action].record(started, httpx.Response(599, text=repr(error)), served)
            return {}
        self.measured[action].record(started, response, served)
        return response.json() if served(response) else {}


async def prepare(load: Load, http: httpx.AsyncClient, members: int) -> None:
    signed = [await http.post("/graphql", json={"query": SIGN_UP, "variables": {"e": f"m{i}@load.example.org",
              "n": f"Member {i:03}"}}) for i in range(members + 1)]  # fmt: skip
    load.tokens = [r.json()["data"]["signUp"]["token"] for r in signed]
    host = load.tokens[0]
    load.network_id = (await load.call(http, "setup", NETWORK, host))["data"]["createNetwork"]["id"]
    for i, token in enumerate(load.tokens[1:], start=1):
        invited = await load.call(http, "setup", INVITE, host, n=load.network_id, e=f"m{i}@load.example.org")
        await load.call(http, "setup", ACCEPT, token, id=invited["data"]["inviteMember"]["id"])
    schema = await load.call(http, "setup", "{ __schema { queryType { fields { name } } } }", host)
    load.can_search = "search" in {f["name"] for f in schema["data"]["__schema"]["queryType"]["fields"]}


async def member_session(load: Load, http: httpx.AsyncClient, index: int, deadline: float) -> None:
    rng, token = random.Random(index), load.tokens[index]
    while time.perf_counter() < deadline:
        roll = rng.random()
        if roll < 0.45:
            await load.call(http, "read members page", MEMBERS, token, n=load.network_id)
        elif roll < 0.65:
            await load.call(http, "read local groups", GROUPS, token, n=load.network_id)
        elif roll < 0.85 or index != 0:
            bio = f"bio-{index}-{rng.getrandbits(40):x}"
            if (await load.call(http, "update profile", PROFILE, token, bio=bio)).get("data"):
                load.bios[token] = bio
        else:
            name = f"Circle {len(load.groups)}-{rng.getrandbits(24):x}"
            if (await load.call(http, "open local group", GROUP, token, n=load.network_id, name=name)).get("data"):
                load.groups.append(name)
        if load.can_search and roll > 0.9:
            await load.call(http, "search", SEARCH, token, q=rng.choice(load.groups or ["circle"]))


@dataclass(frozen=True)
class Outcome:
    rows: list[Row]
    lost: list[str]
    # Per operation that had failed answers: the first distinct reasons, so a failing test says what failed.
    failures: dict[str, list[str]]


async def run(base_url: str, seconds: float = 20.0, members: int = 12) -> Outcome:
    load = Load(base_url)
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        await prepare(load, http, members)
        began = time.perf_counter()
        await asyncio.gather(*(member_session(load, http, i, began + seconds) for i in range(members + 1)))
        elapsed = time.perf_counter() - began
        lost = await lost_writes(load, http)
    failures = {name: m.reasons for name, m in sorted(load.measured.items()) if m.failures}
    return Outcome(rows(load, elapsed, lost), lost, failures)


def rows(load: Load, elapsed: float, lost: list[str]) -> list[Row]:
    work = {name: m for name, m in load.measured.items() if name not in ("setup", "verify")}
    total = sum(m.count for m in work.values())
    found = [Row("load: throughput", total / elapsed, "req/s"),
             Row("load: 5xx answers", sum(m.server_errors for m in load.measured.values()), "requests", target="0"),
             Row("load: failed answers", sum(m.failures for m in work.values()), "requests"),
             Row("load: lost writes", len(lost), "writes", target="0")]  # fmt: skip
    for name, m in sorted(work.items()):
        found += [Row(f"load: {name} p50", m.percentile(50), "ms"), Row(f"load: {name} p99", m.percentile(99), "ms"),
                  Row(f"load: {name} failed", m.failures, "requests", target="0")]  # fmt: skip
    return found


if __name__ == "__main__":
    from bench.serving import fresh_database, serving

    with fresh_database() as (url, folder):
        settings = {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder)}
        with serving(["-m", "infra.cli", "serve"], settings) as base:
            outcome = asyncio.run(run(base, float(sys.argv[1]) if len(sys.argv) > 1 else 20.0))
            failed = [f"{operation} failed: {reasons}" for operation, reasons in outcome.failures.items()]
            print(table(outcome.rows), *outcome.lost, *failed, sep="\n")
