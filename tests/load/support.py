"""What the load tests share: `commons serve` and its distributed-mode processes on loopback, the Kafka settings
for the test broker, faults injected on a timer, and the verdict on a load's outcome."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.load import Outcome
from bench.report import table
from bench.serving import serving
from infra.settings import Settings
from tests.support.budgets import GENEROUS_ENVIRONMENT
from tests.support.kafka import Broker


def commons_serve(database_url: str, folder: Path, **settings: str) -> "serving":  # type: ignore[valid-type]
    return serving(["-m", "commons.cli", "serve"], environment(database_url, folder, **settings))


def served_by(database_url: str, folder: Path) -> Settings:
    """What the load reads of the served app: its database and data dir (where the links it emails are found)."""
    return Settings(database_url=database_url, data_dir=folder)


def environment(database_url: str, folder: Path, **settings: str) -> dict[str, str]:
    return {"COMMONS_DATABASE_URL": database_url, "COMMONS_DATA_DIR": str(folder), **GENEROUS_ENVIRONMENT, **settings}


def kafka(broker: Broker) -> dict[str, str]:
    """The Kafka bus on the test broker: tansu has no idempotent producer and wants a short rebalance timeout."""
    return {
        "COMMONS_BUS": "kafka",
        "COMMONS_KAFKA_BOOTSTRAP": broker.bootstrap,
        "COMMONS_KAFKA_IDEMPOTENCE": "false",
        "COMMONS_KAFKA_MAX_POLL_INTERVAL_MS": "5000",
    }


class Commons:
    """One `commons ARGS` process (relay, worker): started, SIGKILLed and started again like an operator would."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.args, self.env = args, {**os.environ, **env}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "commons.cli", *self.args], env=self.env)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        if self.process is not None:
            self.process.wait()

    def stop(self) -> None:
        """SIGTERM, as `commons` processes expect to be stopped; SIGKILL if it does not end."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def running(*processes: Commons) -> Iterator[None]:
    for process in processes:
        process.start()
    try:
        yield
    finally:
        for process in processes:
            process.stop()


def later(after: float, fault: Callable[[], None], lasting: float, repair: Callable[[], None]) -> threading.Thread:
    """Injects `fault` `after` seconds, and `repair`s it `lasting` seconds later, beside the load."""

    def inject() -> None:
        time.sleep(after)
        fault()
        time.sleep(lasting)
        repair()

    thread = threading.Thread(target=inject)
    thread.start()
    return thread


def assert_nothing_lost(outcome: Outcome) -> None:
    print(table(outcome.rows))  # the figures, for `pytest -s`
    figures = {row.name: row.value for row in outcome.rows}
    assert figures["load: 5xx answers"] == 0, outcome.failures
    assert outcome.failures == {}
    assert outcome.lost == []
    assert figures["load: throughput"] > 5
