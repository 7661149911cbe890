"""Starting a server process on a free loopback port with its own database, and stopping it again."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy import make_url

from infra.database import recreate_public_schema
from infra.migrate import upgrade

# A PostgreSQL database the benchmarks may wipe; without it they run on SQLite in a temporary folder.
DATABASE_ENV = "COMMONS_BENCH_DATABASE_URL"
# `make bench`'s PostgreSQL when DATABASE_ENV names none: a database of the local server's, made on first use.
LOCAL_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/commons_bench"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def fresh_database() -> Iterator[tuple[str, Path]]:
    """A migrated, empty database (URL) and a data folder for the server."""
    with tempfile.TemporaryDirectory(prefix="commons-bench-") as folder:
        url = os.environ.get(DATABASE_ENV) or f"sqlite+aiosqlite:///{folder}/commons.db"
        if url.startswith("postgresql"):
            asyncio.run(recreate_public_schema(url))
        upgrade(url)
        yield url, Path(folder)


@contextmanager
def on_database(name: str) -> Iterator[None]:
    """Benchmarks run within use `name` ("sqlite" or "postgresql"): fresh_database reads DATABASE_ENV."""
    before = os.environ.get(DATABASE_ENV)
    url = _url_of(name)
    if url:
        asyncio.run(_create_if_missing(url))
    os.environ[DATABASE_ENV] = url
    try:
        yield
    finally:
        if before is None:
            del os.environ[DATABASE_ENV]
        else:
            os.environ[DATABASE_ENV] = before


def _url_of(name: str) -> str:
    """SQLite needs none (a temporary folder each time); PostgreSQL's is DATABASE_ENV's, else the local server's."""
    if name == "sqlite":
        return ""
    given = os.environ.get(DATABASE_ENV, "")
    return given if given.startswith("postgresql") else LOCAL_POSTGRES


async def _create_if_missing(url: str) -> None:
    """PostgreSQL makes a database only from a connection to another one: the server's `postgres`."""
    target = make_url(url)
    server = await asyncpg.connect(target.set(drivername="postgresql", database="postgres").render_as_string(False))
    try:
        if not await server.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", target.database):
            await server.execute(f'CREATE DATABASE "{target.database}"')
    finally:
        await server.close()


def _wait_until_healthy(base_url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before it was ready")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"the server at {base_url} was not ready within {timeout:.0f}s")


@contextmanager
def serving(args: list[str], env: dict[str, str], timeout: float = 60.0) -> Iterator[str]:
    """Runs `python ARGS` with COMMONS_* settings from `env` plus a free COMMONS_PORT; yields its base URL."""
    port = free_port()
    # Benchmarks and load tests build their community through the API, every member signing up from one address.
    sign_ups = {"COMMONS_SIGN_UPS_PER_ADDRESS_HOUR": "1000000"}
    # Warnings only: an access line per request would bury the figures (and cost each request a write).
    quiet = {"COMMONS_LOG_LEVEL": "WARNING"}
    settings = {**os.environ, **sign_ups, **quiet, **env, "COMMONS_PORT": str(port), "COMMONS_HOST": "127.0.0.1"}
    process = subprocess.Popen([sys.executable, *args], env=settings)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base_url, process, timeout)
        yield base_url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
