"""Driving the feed projector in tests: publications shared by a test payload type, and the pipeline run to idle.

Stories, resources and harvests come from services still being written; until then tests share them with the
`tests.feeds.shared` event, which carries a `publication` exactly as theirs will.
"""

import asyncio
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from events.catalogue import Payload, new_event, payload
from events.envelope import Event
from events.inprocess import InProcessBus
from events.outbox import record
from events.publication import Publication
from events.relay import Relay
from events.runner import Runner
from infra.columns import new_id, utcnow
from infra.database import Database
from services.feeds.projector import SOURCES, consumer
from tests.support.graphql import Gateway, Member


@payload("tests.feeds.shared", 1)
class Shared(Payload):
    publication: Publication | None


def publication(
    kind: str = "story", title: str = "A story", at: datetime | None = None, **fields: object
) -> Publication:
    moment = at or utcnow()
    return Publication(kind=kind, title=title, created_at=moment, updated_at=moment, path=f"/{kind}s/x", **fields)  # type: ignore[arg-type]


def shared(subject: str, keys: list[str], found: Publication | None, at: datetime | None = None) -> Event:
    event = new_event(Shared(publication=found), subject=subject, audience=keys, network=None)
    return event if at is None else Event(**{**event.__dict__, "time": at})


async def share(db: Database, *events: Event) -> None:
    async with db.transaction() as session:
        record(session, events)


async def _relay(db: Database, bus: InProcessBus) -> None:
    """Drains the outbox; the gateway's embedded relay may be marking the same rows, so a collision retries."""
    for _ in range(100):
        try:
            await Relay(db, bus).drain()
            return
        except IntegrityError:
            await asyncio.sleep(0.02)
    raise AssertionError("the outbox did not drain")


async def project(db: Database) -> int:
    """Relays the outbox and runs the feeds consumer until it has nothing left; how many events it read."""
    bus = InProcessBus(db)
    await _relay(db, bus)
    runner, source, total = Runner(consumer((*SOURCES, "tests")), db, bus), bus.source("feeds", (*SOURCES, "tests")), 0
    while read := await runner.step(source, 0.01):
        total += read
    return total


NETWORK = "mutation($n: String!) { createNetwork(name: $n) { id } }"
GROUP = (
    "mutation($n: ID!, $name: String!, $areas: [String!]) { createLocalGroup(networkId: $n, name: $name,"
    " practiceAreas: $areas) { id } }"
)
INVITE = "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }"
ACCEPT = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
JOIN = "mutation($g: ID!) { joinLocalGroup(id: $g) { id } }"
PROPOSE = "mutation($n: ID!, $p: ID!) { proposeNetworkConnection(networkId: $n, partnerNetworkId: $p) { id } }"
ANSWER = "mutation($id: ID!) { answerNetworkConnection(id: $id, accept: true) { id } }"
FEED = (
    "query($first: Int!, $after: String) { feed(first: $first, after: $after) { edges { cursor node { id kind"
    " title reason seen } } pageInfo { hasNextPage endCursor } } }"
)


def network_with_group(api: Gateway, host: str, network: str, group: str, areas: list[str]) -> tuple[Member, str, str]:
    founder = api.sign_up(host)
    network_id = founder.run(NETWORK, n=network)["createNetwork"]["id"]
    group_id = founder.run(GROUP, n=network_id, name=group, areas=areas)["createLocalGroup"]["id"]
    return founder, network_id, group_id


def connect(proposer: Member, network_id: str, partner: Member, partner_id: str) -> None:
    """The partner's host makes it public first: a host may propose only to networks they can see."""
    partner.run("mutation($id: ID!) { updateNetwork(id: $id, isPublic: true) { id } }", id=partner_id)
    proposal = proposer.run(PROPOSE, n=network_id, p=partner_id)["proposeNetworkConnection"]["id"]
    partner.run(ANSWER, id=proposal)


def member_of(api: Gateway, host: Member, network_id: str, group_id: str | None, name: str) -> Member:
    member = api.sign_up(name)
    member.run(ACCEPT, id=host.run(INVITE, n=network_id, e=member.email)["inviteMember"]["id"])
    if group_id:
        member.run(JOIN, g=group_id)
    return member


def feed(member: Member, first: int = 20, after: str | None = None) -> list[dict[str, str]]:
    return [edge["node"] for edge in member.run(FEED, first=first, after=after)["feed"]["edges"]]


def reasons(member: Member) -> dict[str, str]:
    return {node["title"]: node["reason"] for node in feed(member)}


def ago(**delta: float) -> datetime:
    return utcnow() - timedelta(**delta)


def ident() -> str:
    return new_id()
