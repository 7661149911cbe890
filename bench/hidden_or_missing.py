"""Hidden or missing: does answering for something hidden take longer than for a made-up id?

A server with one private network: its peer group has met (a meeting, a protocol run, a development plan shared
with the group) and its host keeps a draft harvest. A member of the network outside the peer group asks for the
meeting, run, plan and draft; a stranger asks for the network. Each asks, turn about, for the hidden thing and for
a made-up id, over POST /graphql; both answers are NotFound, and the two latencies should match (ratio ~ 1: a
longer hidden answer tells an attacker the thing exists). The data is small and fixed; `scale` multiplies the
number of requests timed. Alone: `python -m bench.hidden_or_missing`.
"""

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.report import Row, percentile
from bench.serving import fresh_database, serving
from bench.verification import verified_member

SAMPLES = 300
WARM_UP = 30
PASSWORD = "a long enough password for the benchmark"
NETWORK = 'mutation { createNetwork(name: "Hidden Harbour", description: "harbour plans") { id } }'
INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT_INVITE = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
FORM = """mutation($n: ID!, $m: [ID!]!) { formPeerGroup(networkId: $n, kind: "peer_group", name: "Tuesday peers",
  memberIds: $m) { id } }"""
CONTRACT = "query($id: ID!) { peerGroup(id: $id) { contract { version } } }"
ACCEPT = "mutation($g: ID!, $v: Int!) { acceptContract(peerGroupId: $g, version: $v) { isOpen } }"
SCHEDULE = """mutation($g: ID!, $at: DateTime!) { scheduleMeetings(peerGroupId: $g, first: {startsAt: $at,
  mode: "online", place: "video call"}, count: 1) { id } }"""
RUN = """mutation($m: ID!, $p: ID!) { startProtocolRun(meetingId: $m, protocol: "good_news_analysis",
  presenterId: $p) { id } }"""
PLAN = 'mutation($n: ID!) { setPlanVisibility(networkId: $n, visibility: "peer_group") { id } }'
HARVEST = """mutation($n: ID!) { createHarvest(networkId: $n, harvest: {title: "Café notes", gathering: WORLD_CAFE})
  { id } }"""
ASKS = {
    "meeting": "query($id: ID!) { meeting(id: $id) { id notes } }",
    "protocol run": "query($id: ID!) { protocolRun(id: $id) { id } }",
    "development plan": "query($id: ID!) { developmentPlan(id: $id) { id } }",
    "harvest draft": "query($id: ID!) { harvest(id: $id) { id title } }",
    "private network": "query($id: ID!) { network(id: $id) { id name } }",
}


@dataclass
class Person:
    id: str
    email: str
    token: str


class Client:
    def __init__(self, http: httpx.Client, data_dir: Path) -> None:
        self.http = http
        self.data_dir = data_dir
        self.count = 0

    def run(self, who: Person | None, query: str, **variables: Any) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {who.token}"} if who else {}
        body = self.http.post("/graphql", json={"query": query, "variables": variables}, headers=headers).json()
        if body.get("errors"):
            raise RuntimeError(f"setting up failed: {body['errors']}")
        return body["data"]

    def sign_up(self, name: str) -> Person:
        self.count += 1
        email = f"bench{self.count}@example.org"
        account_id, token = verified_member(self.http, self.data_dir, email, name, PASSWORD)
        return Person(account_id, email, token)

    def join(self, host: Person, network: str, person: Person) -> None:
        invitation = self.run(host, INVITE, n=network, e=person.email)["inviteMember"]["id"]
        self.run(person, ACCEPT_INVITE, id=invitation)


def _hidden_things(client: Client) -> tuple[dict[str, str], Person, Person]:
    """The ids of the hidden things; the network member outside the peer group; the stranger."""
    host, amara, ben, fellow = (client.sign_up(name) for name in ("Hana", "Amara", "Ben", "Fern"))
    network = client.run(host, NETWORK)["createNetwork"]["id"]
    for person in (amara, ben, fellow):
        client.join(host, network, person)
    group = client.run(amara, FORM, n=network, m=[ben.id])["formPeerGroup"]["id"]
    for person in (amara, ben):
        version = client.run(person, CONTRACT, id=group)["peerGroup"]["contract"]["version"]
        client.run(person, ACCEPT, g=group, v=version)
    at = (datetime.now(UTC) + timedelta(days=7)).replace(microsecond=0).isoformat()
    meeting = client.run(amara, SCHEDULE, g=group, at=at)["scheduleMeetings"][0]["id"]
    run = client.run(amara, RUN, m=meeting, p=ben.id)["startProtocolRun"]["id"]
    plan = client.run(amara, PLAN, n=network)["setPlanVisibility"]["id"]
    harvest = client.run(host, HARVEST, n=network)["createHarvest"]["id"]
    ids = {
        "meeting": meeting,
        "protocol run": run,
        "development plan": plan,
        "harvest draft": harvest,
        "private network": network,
    }
    return ids, fellow, client.sign_up("Olive")


def _timed(http: httpx.Client, who: Person, query: str, ident: str) -> float:
    began = time.perf_counter()
    response = http.post(
        "/graphql", json={"query": query, "variables": {"id": ident}}, headers={"authorization": f"Bearer {who.token}"}
    )
    elapsed = time.perf_counter() - began
    codes = [e.get("extensions", {}).get("code") for e in response.json().get("errors") or []]
    if codes != ["NOT_FOUND"]:
        raise RuntimeError(f"expected NOT_FOUND, got {response.text[:300]}")
    return elapsed * 1000


def _compare(http: httpx.Client, thing: str, who: Person, hidden_id: str, samples: int) -> list[Row]:
    """Hidden and made-up ids asked turn about, so the machine's drift touches both alike."""
    hidden: list[float] = []
    missing: list[float] = []
    for turn in range(WARM_UP + samples):
        pair = (_timed(http, who, ASKS[thing], hidden_id), _timed(http, who, ASKS[thing], str(uuid.uuid4())))
        if turn >= WARM_UP:
            hidden.append(pair[0])
            missing.append(pair[1])
    name = f"hidden or missing: {thing}"
    return [
        Row(
            f"{name}, hidden p50",
            percentile(hidden, 50),
            "ms",
            "missing p50",
            percentile(missing, 50),
            target="ratio 0.95 to 1.05",
        ),
        Row(f"{name}, hidden p95", percentile(hidden, 95), "ms", "missing p95", percentile(missing, 95)),
    ]


def _measured(base_url: str, data_dir: Path, samples: int) -> list[Row]:
    with httpx.Client(base_url=base_url, timeout=30.0) as http:
        ids, fellow, stranger = _hidden_things(Client(http, data_dir))
        asker = {thing: stranger if thing == "private network" else fellow for thing in ids}
        return [row for thing, hidden in ids.items() for row in _compare(http, thing, asker[thing], hidden, samples)]


def main(scale: float = 1.0) -> list[Row]:
    with (
        fresh_database() as (url, folder),
        serving(
            ["-m", "commons.cli", "serve"], {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder)}
        ) as base_url,
    ):
        return _measured(base_url, folder, max(10, round(SAMPLES * scale)))


if __name__ == "__main__":
    from bench.report import table

    print(table(main()))
