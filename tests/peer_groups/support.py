"""A network with a host and members, and the peer-group operations tests use as members would."""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from infra.database import Database
from services.peer_groups.api import DueWork, send_due_surveys
from tests.support.graphql import Gateway, Member

T = TypeVar("T")
NETWORK = 'mutation { createNetwork(name: "Leadership Alumni", description: "alumni") { id } }'
INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT_INVITE = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
FORM = """mutation($n: ID!, $k: String!, $name: String!, $m: [ID!]!, $mentor: ID) {
  formPeerGroup(networkId: $n, kind: $k, name: $name, memberIds: $m, mentorId: $mentor) { id memberCount } }"""
CONTRACT = "query($id: ID!) { peerGroup(id: $id) { isOpen contract { version norms acceptedByMe acceptedByAll } } }"
ACCEPT = "mutation($g: ID!, $v: Int!) { acceptContract(peerGroupId: $g, version: $v) { isOpen } }"
SCHEDULE = """mutation($g: ID!, $at: DateTime!, $count: Int!, $mode: String!, $place: String!) {
  scheduleMeetings(peerGroupId: $g, first: {startsAt: $at, mode: $mode, place: $place}, count: $count)
  { id startsAt mode place } }"""


def soon(days: int = 7) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).replace(microsecond=0).isoformat()


def network_of(api: Gateway, *names: str) -> tuple[Member, str, list[Member]]:
    host = api.sign_up("Hana Host")
    network = host.run(NETWORK)["createNetwork"]["id"]
    people = []
    for name in names:
        person = api.sign_up(name)
        person.run(ACCEPT_INVITE, id=host.run(INVITE, n=network, e=person.email)["inviteMember"]["id"])
        people.append(person)
    return host, network, people


def form(
    founder: Member, network: str, others: list[Member], kind: str = "peer_group", mentor: str | None = None
) -> str:
    data = founder.run(FORM, n=network, k=kind, name="Tuesday peers", m=[o.id for o in others], mentor=mentor)
    return data["formPeerGroup"]["id"]


def accept_all(group: str, *members: Member) -> None:
    for member in members:
        version = member.run(CONTRACT, id=group)["peerGroup"]["contract"]["version"]
        assert member.run(ACCEPT, g=group, v=version)["acceptContract"]["isOpen"] is True


def open_group(api: Gateway, *names: str) -> tuple[Member, str, list[Member], str]:
    """A peer group of the named members (the first forms it), contract accepted by all."""
    host, network, people = network_of(api, *names)
    group = form(people[0], network, people[1:])
    accept_all(group, *people)
    return host, network, people, group


def at(database_url: str, work: Callable[[Database], Awaitable[T]]) -> T:
    """Runs `work` against the test database from outside the app (as the periodic task does), on a loop of its own."""

    async def run() -> T:
        db = Database(database_url)
        try:
            return await work(db)
        finally:
            await db.dispose()

    return asyncio.run(run())


def send_due(database_url: str, now: datetime) -> DueWork:
    return at(database_url, lambda db: send_due_surveys(db, now))
