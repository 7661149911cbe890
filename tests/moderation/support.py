"""A network with a local group for moderation tests, and the event pipeline run to the end, step by step."""

from typing import Any

from events.inprocess import InProcessBus
from events.relay import Relay
from events.runner import Runner
from tests.support.graphql import Gateway, Member

FLAG = """mutation($k: FlaggedKind!, $i: ID!, $r: FlagReason!, $n: String!, $c: Boolean!) {
  flagItem(kind: $k, itemId: $i, reason: $r, note: $n, toCoordinators: $c) { id status } }"""
QUEUE = "query($n: ID!) { reviewQueue(networkId: $n) { id kind itemId reason note excerpt status } }"
DECIDE = """mutation($f: ID!, $d: FlagDecision!, $n: String!) { decideFlag(flagId: $f, decision: $d, note: $n) {
  status decisionNote } }"""
ACTS = "query($n: ID!) { hostActs(networkId: $n) { edges { node { actorName action subject detail } } } }"
INBOX = "{ notifications(first: 20) { edges { node { kind text path } } } }"
SEARCH = "query($q: String!) { search(query: $q) { hits { title } } }"
FEED = "{ feed(first: 50) { edges { node { id title } } } }"
COMMENT = "mutation($s: ID!, $b: String!) { comment(storyId: $s, kind: COMMENT, body: $b) { id } }"
COMMENTS = "query($s: ID!) { story(id: $s) { comments { id body hidden } } }"
BLOCK = "mutation($m: ID!) { blockMember(memberId: $m) }"
UNBLOCK = "mutation($m: ID!) { unblockMember(memberId: $m) }"


async def _settle(runtime: Any) -> None:
    bus = InProcessBus(runtime.db)
    await Relay(runtime.db, bus).drain()
    for consumer in runtime.consumers():
        runner = Runner(consumer, runtime.db, bus)
        source = bus.source(consumer.name, consumer.sources)
        while await runner.step(source, 0.01):
            pass


def settle(api: Gateway) -> None:
    """Relays the outbox and runs every consumer (search, feeds, notifications, the record) until none has work."""
    api.http.portal.call(_settle, api.runtime)  # type: ignore[union-attr]


def inbox(member: Member) -> list[dict[str, str]]:
    return [edge["node"] for edge in member.run(INBOX)["notifications"]["edges"]]


def found(member: Member, words: str) -> list[str]:
    return [hit["title"] for hit in member.run(SEARCH, q=words)["search"]["hits"]]


def acts(host: Member, network: str) -> list[dict[str, str]]:
    """The record of hosts' acts as the host reads it, newest first."""
    return [edge["node"] for edge in host.run(ACTS, n=network)["hostActs"]["edges"]]


def feed(member: Member) -> list[str]:
    return [edge["node"]["title"] for edge in member.run(FEED)["feed"]["edges"]]


def flag(member: Member, kind: str, item: str, reason: str = "HARASSMENT", coordinators: bool = False) -> str:
    raised = member.run(FLAG, k=kind, i=item, r=reason, n="This is not OK.", c=coordinators)["flagItem"]
    return str(raised["id"])
