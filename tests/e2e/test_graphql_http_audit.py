"""graphql-http's server audit (npm `graphql-http`, `serverAudits`) against `commons serve`: every MUST and SHOULD
of the GraphQL-over-HTTP spec holds."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.browser import in_ci

ROOT = Path(__file__).resolve().parents[2]
AUDIT = Path(__file__).with_name("graphql_http_audit.mjs")


def _audit(url: str) -> list[dict[str, str]]:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "graphql-http").exists():
        reason = "Node.js and the project's npm packages (`npm ci`, run by `make test`) are needed"
        pytest.fail(reason) if in_ci() else pytest.skip(reason)
    done = subprocess.run(
        ["node", str(AUDIT), f"{url}/graphql"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_the_endpoint_passes_every_must_and_should_of_the_audit(server: str) -> None:
    results = _audit(server)
    failing = [f"{result['name']}: {result['reason']}" for result in results if result["status"] in ("error", "warn")]
    assert len(results) > 40, results
    assert failing == []
