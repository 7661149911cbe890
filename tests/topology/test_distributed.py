"""The distributed mode as separate processes on one PostgreSQL database and a Kafka-protocol broker (tansu):
`commons migrate` once, two `commons serve` without workers (gateways A and B), one `commons relay`, two
`commons worker indexer` sharing the topics' partitions, one `commons worker feeds` and one `commons scheduler`
(it sends the verification emails the members follow). Search is the embedded index in the data folder all
processes share: the two indexers write it in turn (search/embedded_store.py), the gateways read it.

Stories shared through gateway A are found by search through gateway B and pushed to a member's live feed
subscription held on B. One indexer is SIGKILLed while the stories flow; the other takes its partitions, and
every story ends up in search and in the feed once: nothing lost, nothing applied twice.
"""

import contextlib
import json
import queue
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from bench.load_setup import ACCEPT, INVITE
from bench.verification import verified_member
from events import audience
from infra.columns import new_id
from search.indexer import SOURCES
from tests.support.budgets import GENEROUS_ENVIRONMENT
from tests.support.kafka import Broker
from tests.topology.stack import START_SECONDS, Process, Stack, stack, until

pytestmark = [pytest.mark.kafka, pytest.mark.postgres, pytest.mark.timeout(600)]

PASSWORD = "topology of the commons 17"
PARTITIONS = 3
BEFORE_KILL, AFTER_KILL = 12, 12
NETWORK = 'mutation { createNetwork(name: "Topology Network", description: "Processes apart") { id } }'
SHARE = (
    "mutation($n: ID!, $a: String!, $t: String!) { writeStory(networkId: $n, audience: $a, story: {kind: GOOD_NEWS,"
    ' title: $t, body: "What the quillwort circle learned.", practiceAreas: ["hosting"]}) { id } }'
)
SEARCH = '{ search(query: "quillwort", first: 100) { totalCount hits { title } } }'
FEED = "{ feed(first: 100) { edges { node { id title } } } }"
FEED_ITEMS = "subscription { feedItems { kind title } }"
# Long enough for a pushed story, a search and a feed to reflect the whole stream on a loaded machine.
SETTLE_SECONDS = 120.0


def environment(postgres_url: str, broker: Broker, folder: Path) -> dict[str, str]:
    return {
        "COMMONS_DATABASE_URL": postgres_url,
        "COMMONS_DATA_DIR": str(folder / "data"),
        "COMMONS_BUS": "kafka",
        "COMMONS_KAFKA_BOOTSTRAP": broker.bootstrap,
        "COMMONS_KAFKA_TOPIC_PREFIX": f"topology-{new_id()[:8]}",
        "COMMONS_KAFKA_PARTITIONS": str(PARTITIONS),
        # tansu: no idempotent producer; groups join only with short rebalance and session timeouts.
        "COMMONS_KAFKA_IDEMPOTENCE": "false",
        "COMMONS_KAFKA_MAX_POLL_INTERVAL_MS": "3000",
        "COMMONS_KAFKA_SESSION_TIMEOUT_MS": "3000",
        "COMMONS_CONSUMER_BATCH_SIZE": "4",
        "COMMONS_RUN_WORKERS": "false",
        "COMMONS_MIGRATE_ON_START": "false",
        "COMMONS_SECRET_KEY": "topology",
        "COMMONS_LOG_LEVEL": "INFO",
        "COMMONS_SIGN_UPS_PER_ADDRESS_HOUR": "1000",
        **GENEROUS_ENVIRONMENT,
    }


class Caller:
    def __init__(self, url: str, token: str) -> None:
        self.http = httpx.Client(base_url=url, headers={"authorization": f"Bearer {token}"}, timeout=30)

    def run(self, query: str, **variables: str) -> dict[str, object]:
        body = self.http.post("/graphql", json={"query": query, "variables": variables}).json()
        assert not body.get("errors"), body["errors"]
        data: dict[str, object] = body["data"]
        return data


def member(url: str, data_dir: Path, email: str, name: str) -> tuple[str, Caller]:
    with httpx.Client(base_url=url, timeout=30) as http:
        _, token = verified_member(http, data_dir, email, name, PASSWORD)
    return token, Caller(url, token)


@contextmanager
def live_feed(url: str, token: str) -> Iterator["queue.Queue[str]"]:
    """The member's feedItems subscription on this gateway; the titles it pushes arrive in the queue."""
    pushed: queue.Queue[str] = queue.Queue()
    with connect(url.replace("http", "ws", 1) + "/graphql", subprotocols=["graphql-transport-ws"]) as socket:  # type: ignore[list-item]
        socket.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
        assert json.loads(socket.recv(30))["type"] == "connection_ack"
        socket.send(json.dumps({"id": "feed", "type": "subscribe", "payload": {"query": FEED_ITEMS}}))

        def receive() -> None:
            with contextlib.suppress(ConnectionClosed):  # closed as the block ends
                for message in socket:
                    data = json.loads(message).get("payload", {}).get("data") or {}
                    if item := data.get("feedItems"):
                        pushed.put(item["title"])

        threading.Thread(target=receive, daemon=True).start()
        yield pushed


def partitions(prefix: str) -> set[str]:
    return {f"{prefix}.{source}:{n}" for source in SOURCES for n in range(PARTITIONS)}


def sharing(indexers: list[Process], prefix: str) -> bool:
    """Both indexers read a share of the partitions: disjoint, and together all of them."""
    first, second = (indexer.reads("indexer") for indexer in indexers)
    return bool(first and second and not first & second and first | second == partitions(prefix))


def test_a_distributed_stack_of_processes_serves_searches_and_pushes_every_story_once_through_an_indexer_crash(
    postgres_url: str, broker: Broker, tmp_path: Path
) -> None:
    env = environment(postgres_url, broker, tmp_path)
    data_dir, prefix = Path(env["COMMONS_DATA_DIR"]), env["COMMONS_KAFKA_TOPIC_PREFIX"]
    with stack(env, tmp_path) as processes:
        assert "latest schema" in processes.run("migrate")
        indexers = start_workers(processes)
        a, b = processes.gateway("gateway-a"), processes.gateway("gateway-b")
        assert not [p.name for p in processes.processes if "latest schema" in p.said()], "only `migrate` migrates"
        until(lambda: sharing(indexers, prefix), "two indexers share the partitions", processes.processes)
        _, host = member(a, data_dir, "hana@topology.example.org", "Hana Host")
        amara_token, amara = member(b, data_dir, "amara@topology.example.org", "Amara Okafor")
        network = str(host.run(NETWORK)["createNetwork"]["id"])  # type: ignore[index]
        invited = host.run(INVITE, n=network, e="amara@topology.example.org")["inviteMember"]["id"]  # type: ignore[index]
        amara.run(ACCEPT, id=invited)
        with live_feed(b, amara_token) as pushed:
            received: list[str] = []
            titles = stream_with_a_crash(processes, indexers, Stream(host, network, pushed, received), prefix)
            assert_each_once(amara, titles, pushed, received)
        until(lambda: caught_up(processes), "the indexer and feeds caught up", processes.processes)


def start_workers(processes: Stack) -> list[Process]:
    processes.start("relay", "relay")
    processes.start("feeds", "worker", "feeds")
    processes.start("scheduler", "scheduler")
    return [processes.start(f"indexer-{n}", "worker", "indexer") for n in (1, 2)]


class Stream:
    """Stories the host shares through gateway A, and what B's live feed pushed of them."""

    def __init__(self, host: Caller, network: str, pushed: "queue.Queue[str]", received: list[str]) -> None:
        self.host, self.network, self.pushed, self.received = host, network, pushed, received
        self.titles: list[str] = []

    def share(self, count: int = 1) -> None:
        for _ in range(count):
            title = f"Topology story {len(self.titles):03}zq"
            self.host.run(SHARE, n=self.network, a=audience.network(self.network), t=title)
            self.titles.append(title)

    def until_live(self) -> None:
        """B's live tail starts reading at the end once it has joined: shares stories until one is pushed."""
        deadline = time.monotonic() + START_SECONDS
        while not self.received:
            assert time.monotonic() < deadline, "gateway B's live feed pushed nothing"
            self.share()
            with contextlib.suppress(queue.Empty):
                self.received.append(self.pushed.get(timeout=2))


def stream_with_a_crash(processes: Stack, indexers: list[Process], stream: Stream, prefix: str) -> list[str]:
    """Once B pushes live, shares a dozen stories; once search found the first, SIGKILLs the indexer reading
    more of the stories' partitions and shares a dozen more; the survivor takes every partition."""
    stream.until_live()
    first = len(stream.titles)
    stream.share(BEFORE_KILL)
    until(lambda: stream.titles[first] in found(stream.host), "search found the first", processes.processes)
    victim = max(indexers, key=lambda indexer: len({p for p in indexer.reads("indexer") or () if ".knowledge:" in p}))
    survivor = next(indexer for indexer in indexers if indexer is not victim)
    victim.kill()
    stream.share(AFTER_KILL)
    until(lambda: survivor.reads("indexer") == partitions(prefix), "the survivor reads all", processes.processes)
    return stream.titles


def found(caller: Caller) -> list[str]:
    """The titles search finds for the word every story has, a story found twice twice."""
    hits = caller.run(SEARCH)["search"]["hits"]  # type: ignore[index]
    return [hit["title"] for hit in hits]


def assert_each_once(amara: Caller, titles: list[str], pushed: "queue.Queue[str]", received: list[str]) -> None:
    """Through gateway B: every story pushed live once, found by search once, in the feed once."""
    until(lambda: drained(pushed, received) >= set(titles), "every story pushed to B", [], SETTLE_SECONDS)
    until(lambda: set(found(amara)) >= set(titles), "every story found", [], SETTLE_SECONDS)
    until(lambda: set(feed(amara)) >= set(titles), "every story in the feed", [], SETTLE_SECONDS)
    assert amara.run(SEARCH)["search"]["totalCount"] == len(titles)  # type: ignore[index]
    assert [title for title, n in Counter(found(amara)).items() if n > 1] == []
    assert [title for title, n in Counter(feed(amara)).items() if n > 1] == []
    assert [title for title, n in Counter(received).items() if n > 1] == []


def drained(pushed: "queue.Queue[str]", received: list[str]) -> set[str]:
    while not pushed.empty():
        received.append(pushed.get())
    return set(received)


def feed(caller: Caller) -> list[str]:
    edges = caller.run(FEED)["feed"]["edges"]  # type: ignore[index]
    return [edge["node"]["title"] for edge in edges]


def caught_up(processes: Stack) -> bool:
    """`commons status`: the indexer and feeds groups processed every event, and dead-lettered none."""
    lines = [line.split() for line in processes.run("status").splitlines()]
    behind = {line[0]: (line[1], line[2]) for line in lines if line and line[0] in {"indexer", "feeds"}}
    return behind == {"indexer": ("0", "0"), "feeds": ("0", "0")}
