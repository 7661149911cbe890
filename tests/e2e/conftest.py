"""A real `commons serve` (embedded mode, a temporary data dir, a free loopback port) and Debian's Chromium."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.notifications.support import Inbox, smtp_server
from tests.support.browser import CHROMIUM, LAUNCH_ARGS, ensure_chromium, in_ci
from tests.support.budgets import GENEROUS_ENVIRONMENT

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
STARTUP_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"commons serve exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"commons serve did not answer within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


def commons_env(data_dir: Path) -> dict[str, str]:
    """The environment of a `commons` command on `data_dir`'s embedded data, whatever the caller's says."""
    return {key: value for key, value in os.environ.items() if not key.startswith("COMMONS_")} | {
        "COMMONS_DATA_DIR": str(data_dir)
    }


@contextmanager
def serving(data_dir: Path, more_env: dict[str, str], *args: str) -> Iterator[str]:
    """`commons serve` with `args`, in the embedded mode whatever the caller's environment says (run from the data
    dir so no .env file applies); its URL while it runs."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = (
        commons_env(data_dir)
        | {
            "COMMONS_HOST": "127.0.0.1",
            "COMMONS_PORT": str(port),
            "COMMONS_PUBLIC_URL": url,
            "COMMONS_LOG_LEVEL": "WARNING",
            # Every test's browser signs up from this one address.
            "COMMONS_SIGN_UPS_PER_ADDRESS_HOUR": "10000",
            **GENEROUS_ENVIRONMENT,
        }
        | more_env
    )
    log = data_dir / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "commons.cli", "serve", *args], env=env, cwd=data_dir, stdout=out, stderr=out
        )
    try:
        _wait_until_up(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def smtp_env(port: int) -> dict[str, str]:
    return {"COMMONS_SMTP_HOST": "127.0.0.1", "COMMONS_SMTP_PORT": str(port), "COMMONS_SMTP_STARTTLS": "false"}


@pytest.fixture(scope="session")
def mail() -> Iterator[Inbox]:
    """A real SMTP server (aiosmtpd) the served app sends to; tests wait on its arrivals."""
    with smtp_server() as (inbox, _):
        yield inbox


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, mail: Inbox) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("commons-e2e"), smtp_env(mail.port)) as url:
        yield url


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`commons serve --demo` of the module's own: its tests may change the demo's people and groups."""
    with serving(tmp_path_factory.mktemp("commons-demo"), {}, "--demo") as url:
        yield url


# Per module, not per session: sync Playwright keeps an event loop running in this thread while it is open,
# which the async tests after these would trip over.
@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    reason = ensure_chromium()
    if reason is not None:
        if in_ci():
            pytest.fail(f"CI needs Chromium for the end-to-end tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
