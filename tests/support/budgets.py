"""Settings whose query time budgets are generous: tests check what members get, not how fast, and a loaded
machine (CI's two cores, brokers beside) must not turn a budget into a failure. Tests of the budgets set theirs."""

from typing import Any

from infra.settings import Settings


def unhurried(**given: Any) -> Settings:
    return Settings(**{"validation_budget_seconds": 60.0, "request_budget_seconds": 120.0, **given})
