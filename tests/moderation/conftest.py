from collections.abc import Iterator

import pytest

from infra.settings import Settings
from tests.support.graphql import Gateway, gateway


@pytest.fixture
def api(settings: Settings) -> Iterator[Gateway]:
    """Workers off: each test runs the pipeline to its end (support.settle) before it looks."""
    with gateway(settings.model_copy(update={"run_workers": False})) as client:
        yield client
