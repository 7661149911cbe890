"""A process of the distributed mode without the gateway's app (here `commons relay`) serves its own series on
COMMONS_METRICS_PORT, and writes JSON log lines when its output is not a terminal."""

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from infra.local_kafka import free_port


@pytest.fixture
def relay(database_url: str, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    port, log = free_port(), tmp_path / "relay.log"
    env = {**os.environ, "COMMONS_DATABASE_URL": database_url, "COMMONS_DATA_DIR": str(tmp_path)}
    env |= {"COMMONS_METRICS_PORT": str(port), "COMMONS_LOG_LEVEL": "DEBUG"}
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "commons.cli", "relay"], env=env, stderr=output)
    yield port, log
    process.terminate()
    process.wait(timeout=20)


def scraped(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as response:
        body: bytes = response.read()
    return body.decode()


def when_ready(read: Callable[[], str], seconds: float = 30.0) -> str:
    """What `read` gives once it gives something (the relay starts within seconds)."""
    deadline = time.monotonic() + seconds
    while True:
        with contextlib.suppress(OSError):
            if text := read():
                return text
        assert time.monotonic() < deadline, "the relay never answered"
        time.sleep(0.1)


def test_the_relay_serves_its_own_metrics_and_logs_json(relay: tuple[int, Path]) -> None:
    port, log = relay
    assert "commons_relay_events_total 0.0" in when_ready(lambda: scraped(port))
    sweep = when_ready(lambda: next((line for line in log.read_text().splitlines() if "sweep" in line), ""))
    assert json.loads(sweep).items() >= {"logger": "commons.events", "message": "outbox sweep deleted 0 rows"}.items()
