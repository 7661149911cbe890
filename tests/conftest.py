"""Fixtures every test may use: a clean, migrated database per test on each backend."""

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from infra.database import Database
from infra.settings import Settings
from tests.support.budgets import unhurried
from tests.support.databases import MigratedDatabases, backends
from tests.support.graphql import Gateway, gateway


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MigratedDatabases]:
    databases = MigratedDatabases(tmp_path_factory.mktemp("databases"))
    yield databases
    databases.close()


@pytest.fixture(params=backends())
def database_url(request: pytest.FixtureRequest, migrated: MigratedDatabases, tmp_path: Path) -> str:
    """A fresh database of each backend, as a URL; the test is run once per backend."""
    return migrated.url(request.param, tmp_path)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    # Every test client signs up from one address; the sign-up limit's own tests set theirs.
    return unhurried(
        database_url=database_url, data_dir=tmp_path, max_body_bytes=1_000_000, sign_ups_per_address_hour=10_000
    )


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
def api(settings: Settings) -> Iterator[Gateway]:
    """The gateway app in process, spoken to over HTTP by test clients (`api.sign_up(...)`)."""
    with gateway(settings) as client:
        yield client


@pytest.fixture
def quiet_api(settings: Settings) -> Iterator[Gateway]:
    """The gateway without its embedded relay, consumers and jobs: only requests run SQL (to compare their paths)."""
    with gateway(settings.model_copy(update={"run_workers": False})) as client:
        yield client
