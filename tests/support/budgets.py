"""Settings whose query time budgets are generous: tests check what members get, not how fast, and a loaded
machine (CI's two cores, brokers beside) must not turn a budget into a failure. Tests of the budgets set theirs."""

from typing import Any

from infra.settings import Settings

GENEROUS = {"validation_budget_seconds": 60.0, "request_budget_seconds": 120.0}
# The same budgets for a served process, which reads its settings from the environment.
GENEROUS_ENVIRONMENT = {f"COMMONS_{name.upper()}": f"{seconds:g}" for name, seconds in GENEROUS.items()}


def unhurried(**given: Any) -> Settings:
    return Settings(**{**GENEROUS, **given})
