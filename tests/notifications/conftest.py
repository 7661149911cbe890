from collections.abc import Iterator
from pathlib import Path

import pytest

from infra.settings import Settings
from tests.notifications.support import Inbox, mail_settings, smtp_server
from tests.support.graphql import Gateway, gateway


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as running:
        yield running


@pytest.fixture
def settings(database_url: str, tmp_path: Path, smtp: tuple[Inbox, int]) -> Settings:
    return mail_settings(database_url, tmp_path, smtp[1])


@pytest.fixture
def inbox(smtp: tuple[Inbox, int]) -> Inbox:
    return smtp[0]


@pytest.fixture
def api(settings: Settings) -> Iterator[Gateway]:
    with gateway(settings) as client:
        yield client
