"""The data-rights tests check what members get, not how fast: a loaded machine (the suite runs beside other work)
must not turn a query's validation budget into a failure here."""

import pytest

from infra.settings import Settings


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"validation_budget_seconds": 60.0, "request_budget_seconds": 120.0})
