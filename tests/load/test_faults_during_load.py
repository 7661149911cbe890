"""Faults during load besides the broker's outage (in test_load.py): the consumer workers SIGKILLed and started
again. It takes over a minute: `make test-slow`.
"""

import asyncio
from pathlib import Path

import pytest

from bench.load import run
from tests.load.support import Commons, assert_nothing_lost, commons_serve, environment, kafka, later, running
from tests.support.kafka import Broker


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
        outcome = asyncio.run(run(base_url, seconds=45, members=12))
        crashing.join()
    assert_nothing_lost(outcome)
