"""make bench's databases: PostgreSQL's is made when missing, SQLite's is a fresh file, and the setting that
picks them is put back afterwards."""

import asyncio
import os

import asyncpg
import pytest
from sqlalchemy import make_url

from bench.serving import DATABASE_ENV, fresh_database, on_database
from tests.support.databases import require_postgres

PROBE = "commons_bench_probe"


async def _exists(url: str, drop: bool = False) -> bool:
    server = await asyncpg.connect(
        make_url(url).set(drivername="postgresql", database="postgres").render_as_string(False)
    )
    try:
        if drop:
            await server.execute(f'DROP DATABASE IF EXISTS "{PROBE}" WITH (FORCE)')
        return bool(await server.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", PROBE))
    finally:
        await server.close()


def test_postgresql_runs_on_a_database_made_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    url = make_url(require_postgres()).set(database=PROBE).render_as_string(False)
    assert not asyncio.run(_exists(url, drop=True))
    monkeypatch.setenv(DATABASE_ENV, url)
    with on_database("postgresql"):
        assert os.environ[DATABASE_ENV] == url and asyncio.run(_exists(url))
    assert os.environ[DATABASE_ENV] == url
    asyncio.run(_exists(url, drop=True))


def test_sqlite_runs_on_a_fresh_file_whatever_postgresql_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_ENV, "postgresql+asyncpg://postgres@127.0.0.1:5432/elsewhere")
    with on_database("sqlite"), fresh_database() as (url, folder):
        assert url == f"sqlite+aiosqlite:///{folder}/commons.db"
    assert os.environ[DATABASE_ENV].endswith("/elsewhere")
