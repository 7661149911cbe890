"""Faults during load besides the broker's outage (in test_load.py): the consumer workers SIGKILLed and started
again, and the database pool exhausted by a crowd beside the load. Each takes over a minute: `make test-slow`.
"""

import asyncio
from pathlib import Path

import httpx
import pytest

from bench.client import Answered, Client, Measured, hammer, served
from bench.community import SIGN_IN, SIGN_UP
from bench.load import run
from infra.errors import Unavailable
from tests.load.support import (
    Commons,
    assert_nothing_lost,
    commons_serve,
    environment,
    kafka,
    later,
    running,
    served_by,
)
from tests.support.kafka import Broker
from tests.support.live_schema import internal_errors, leaks

FEED = "{ feed(first: 20) { edges { node { title author { name } localGroup { name } } } } }"


@pytest.mark.slow
@pytest.mark.kafka
def test_workers_killed_and_restarted_during_load_lose_nothing_and_apply_nothing_twice(
    database_url: str, tmp_path: Path, broker: Broker
) -> None:
    # The distributed mode: serve runs no consumers; the relay and each consumer group are processes of their own.
    settings = {**kafka(broker), "COMMONS_RUN_WORKERS": "false"}
    env = environment(database_url, tmp_path, **settings)
    workers = [Commons(["worker", name], env) for name in ("indexer", "feeds")]

    def crash() -> None:
        for worker in workers:
            worker.kill()

    def restart() -> None:
        for worker in workers:
            worker.start()

    with commons_serve(database_url, tmp_path, **settings) as base_url, running(Commons(["relay"], env), *workers):
        crashing = later(15, crash, 5, restart)
        outcome = asyncio.run(run(base_url, served_by(database_url, tmp_path), seconds=45, members=12))
        crashing.join()
    assert_nothing_lost(outcome)


class Crowd:
    """Many concurrent feed reads beside the load; keeps each answer neither served nor clearly refused (503)."""

    def __init__(self, base_url: str, token: str, concurrency: int = 40) -> None:
        self.base_url, self.token, self.concurrency = base_url, token, concurrency
        self.unclear: list[str] = []
        self.measured = Measured()

    async def __call__(self, seconds: float) -> None:
        async with Client(self.base_url, self.concurrency, self.token) as http:
            self.measured = await hammer(http, self.read_feed, self.concurrency, seconds, self.judge)

    async def read_feed(self, http: Client) -> Answered:
        return await http.post("/graphql", json={"query": FEED})

    def judge(self, response: Answered) -> bool:
        try:
            masked = internal_errors(response.json())
        except ValueError:
            masked = [{"body": "not JSON"}]
        if response.status_code not in (200, 503) or masked or leaks(response.text, FEED):
            self.unclear.append(f"{response.status_code} {response.text[:300]}")
        return served(response)


def signed_up(base_url: str) -> str:
    variables = {"e": "crowd@load.example.org", "n": "Crowd Member"}
    httpx.post(f"{base_url}/graphql", json={"query": SIGN_UP, "variables": variables}, timeout=30).raise_for_status()
    answer = httpx.post(f"{base_url}/graphql", json={"query": SIGN_IN, "variables": variables}, timeout=30).json()
    return answer["data"]["signIn"]["token"]


@pytest.mark.slow
def test_an_exhausted_database_pool_during_load_refuses_clearly_and_loses_nothing(
    database_url: str, tmp_path: Path
) -> None:
    tiny = {"COMMONS_DATABASE_POOL_SIZE": "2", "COMMONS_DATABASE_POOL_TIMEOUT": "0.2"}
    with commons_serve(database_url, tmp_path, **tiny) as base_url:
        crowd = Crowd(base_url, signed_up(base_url))
        outcome = asyncio.run(run(base_url, served_by(database_url, tmp_path), seconds=45, members=12, beside=crowd))
    figures = {row.name: row.value for row in outcome.rows}
    assert crowd.unclear == []
    assert crowd.measured.statuses[503] > 0, "the pool never ran out: the fault did not happen"
    assert crowd.measured.statuses[200] > 0 and figures["load: throughput"] > 5
    assert figures["load: 5xx answers"] == figures["load: 503 answers (busy)"]
    assert {reason for reasons in outcome.failures.values() for reason in reasons} <= {Unavailable().message}
    assert outcome.lost == []
