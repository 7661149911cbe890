"""Freshness end to end: a story shared through GraphQL, until a search through GraphQL finds it.

`commons serve` runs twice, each time with its relay and consumers in-process: in the embedded mode (the
in-process log) and with Kafka (a local tansu broker). A member shares a story with their network (writeStory);
from the moment the server acknowledges it, the member searches for the story's own word as fast as the server
answers, until the story is among the hits. Targets, p99: 100 ms embedded, 1 s through Kafka.
Alone: `python -m bench.story_freshness`.
"""

import asyncio
import time
from contextlib import AbstractContextManager, nullcontext

from bench.client import Client
from bench.community import NETWORK, SIGN_UP
from bench.report import Row, percentile, table
from bench.serving import fresh_database, serving
from events import audience
from infra.local_kafka import LocalBroker, local_broker

SAMPLES, WARM_UP = 120, 10
SHARE = (
    "mutation($n: ID!, $a: String!, $t: String!) { writeStory(networkId: $n, audience: $a, story: {kind: GOOD_NEWS,"
    ' title: $t, body: "What the circle learned this week.", practiceAreas: ["hosting"]}) { id } }'
)
SEARCH = "query($q: String!) { search(query: $q, first: 5) { hits { id } } }"
PATIENCE = 10.0


async def _graphql(http: Client, query: str, **variables: object) -> dict:  # type: ignore[type-arg]
    body = (await http.post("/graphql", json={"query": query, "variables": variables})).json()
    if body.get("errors"):
        raise RuntimeError(f"freshness benchmark: {body['errors'][0]['message']}")
    return body["data"]


async def _one(http: Client, network: str, n: int) -> float:
    """Seconds from the share's acknowledgement until a search finds the story."""
    word = f"fresh{n:04}zq"
    shared = await _graphql(http, SHARE, n=network, a=audience.network(network), t=f"Story {word}")
    acknowledged, story = time.perf_counter(), shared["writeStory"]["id"]
    while time.perf_counter() - acknowledged < PATIENCE:
        hits = (await _graphql(http, SEARCH, q=word))["search"]["hits"]
        if any(hit["id"] == story for hit in hits):
            return time.perf_counter() - acknowledged
    raise RuntimeError(f"story {n} was not searchable within {PATIENCE:.0f}s")


async def _samples(base_url: str) -> list[float]:
    async with Client(base_url) as anonymous:
        token = (await _graphql(anonymous, SIGN_UP, e="writer@bench.example.org", n="Wren Writer"))["signUp"]["token"]
    async with Client(base_url, 1, token) as http:
        network = (await _graphql(http, NETWORK))["createNetwork"]["id"]
        found = [await _one(http, network, n) for n in range(WARM_UP + SAMPLES)]
    return found[WARM_UP:]


def _measure(mode: str, broker: LocalBroker | None) -> list[float]:
    kafka = {"COMMONS_BUS": "kafka", "COMMONS_KAFKA_BOOTSTRAP": broker.bootstrap} if broker else {}
    with fresh_database() as (url, folder):
        env = {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder), **kafka}
        with serving(["-m", "commons.cli", "serve"], env) as base_url:
            return asyncio.run(_samples(base_url))


def main(scale: float = 1.0) -> list[Row]:
    rows = []
    modes: dict[str, AbstractContextManager[LocalBroker | None]] = {"embedded": nullcontext(), "Kafka": local_broker()}
    for mode, target in (("embedded", "< 100 ms"), ("Kafka", "< 1000 ms")):
        with modes[mode] as broker:
            found = _measure(mode, broker)
        rows += [
            Row(f"freshness: story shared to searchable p50, {mode}", percentile(found, 50) * 1000, "ms"),
            Row(
                f"freshness: story shared to searchable p99, {mode}", percentile(found, 99) * 1000, "ms", target=target
            ),
        ]
    return rows


if __name__ == "__main__":
    print(table(main()))
