"""The databases the suite runs on: SQLite always, PostgreSQL when COMMONS_TEST_DATABASE_URL names one.

Each backend is migrated once per session; each test then gets an empty database (a copy of the migrated
SQLite file, or PostgreSQL with every table truncated).
"""

import asyncio
import os
import shutil
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import make_url, text

from infra.database import Base, make_engine, recreate_public_schema
from infra.migrate import load_tables, upgrade

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_URL = os.environ.get("COMMONS_TEST_DATABASE_URL")


def _off_loop(work: Callable[..., Any], *args: Any) -> None:
    """Runs work that starts its own event loop, also from inside a running one (async fixtures)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        work(*args)
        return
    with ThreadPoolExecutor(1) as thread:
        thread.submit(work, *args).result()


def _run(job: Coroutine[Any, Any, None]) -> None:
    _off_loop(asyncio.run, job)


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if POSTGRES_URL or IN_CI else ["sqlite"]


def require_postgres() -> str:
    if not POSTGRES_URL:
        message = "COMMONS_TEST_DATABASE_URL is not set"
        if IN_CI:
            pytest.fail(f"{message}: CI must test against PostgreSQL")
        pytest.skip(message)
    return POSTGRES_URL


STALE_CONNECTIONS = (
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


async def truncate_postgres(url: str) -> None:
    load_tables()
    names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    engine = make_engine(url, pool_size=1)
    try:
        async with engine.begin() as connection:
            # A previous test's app may leave a connection mid-transaction; it would block TRUNCATE for good.
            await connection.execute(text(STALE_CONNECTIONS))
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()


def own_database(url: str) -> str:
    """This test session's own database beside the named one: runs side by side (two developers', or a developer's
    and a benchmark) never truncate each other's tables."""
    named = make_url(url)
    return named.set(database=f"{named.database}_{os.getpid()}").render_as_string(hide_password=False)


async def _on_server(url: str, statements: list[str]) -> None:
    engine = make_engine(make_url(url).set(database="postgres").render_as_string(hide_password=False), pool_size=1)
    try:
        async with engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            for statement in statements:
                await autocommit.execute(text(statement))
    finally:
        await engine.dispose()


async def create_database(url: str) -> None:
    name = make_url(url).database
    await _on_server(url, [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'])


async def drop_database(url: str) -> None:
    await _on_server(url, [f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'])


class MigratedDatabases:
    """Migrates each backend once; hands out a clean database per test."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.template: Path | None = None
        self.postgres_ready = False

    def sqlite_url(self, target: Path) -> str:
        if self.template is None:
            self.template = self.workdir / "template.db"
            _off_loop(upgrade, f"sqlite+aiosqlite:///{self.template}")
        shutil.copy(self.template, target)
        return f"sqlite+aiosqlite:///{target}"

    def postgres_url(self) -> str:
        url = own_database(require_postgres())
        if not self.postgres_ready:
            try:
                _run(create_database(url))
                _run(recreate_public_schema(url))
            except OSError as error:
                if IN_CI:
                    pytest.fail(f"PostgreSQL unreachable at {url}: {error}")
                pytest.skip(f"PostgreSQL unreachable at {url}: {error}")
            _off_loop(upgrade, url)
            self.postgres_ready = True
        else:
            _run(truncate_postgres(url))
        return url

    def close(self) -> None:
        if self.postgres_ready:
            _run(drop_database(own_database(require_postgres())))

    def url(self, backend: str, tmp_path: Path) -> str:
        return self.sqlite_url(tmp_path / "commons.db") if backend == "sqlite" else self.postgres_url()
