from collections.abc import Iterator

import pytest

from tests.support.kafka import Broker, running_broker


@pytest.fixture
def broker() -> Iterator[Broker]:
    yield from running_broker()
