"""Costly requests are checked beside the event loop: while they are, the server keeps answering others."""

import json
from concurrent.futures import ThreadPoolExecutor

import httpx
from starlette.testclient import TestClient

from commons.runtime import Runtime
from infra.settings import Settings
from services.gateway.app import create_app
from tests.support.graphql import gateway

# Valid, and seconds to validate on a quiet machine (0.3 s at 150 repeats was not enough: six of them could all be
# answered before /healthz, whose every step waits for the GIL the validating threads hold).
REPEATED = json.dumps({"query": "{ " + "me { id } " * 400 + "}"})
HOSTILE = 6


def test_healthz_answers_while_six_costly_documents_are_being_validated(settings: Settings) -> None:
    # Limits loose enough that the documents reach validation and are all answered, however slow the machine.
    budgets = {"validation_budget_seconds": 600.0, "request_budget_seconds": 600.0}
    loose = settings.model_copy(update={"max_selection_fields": 10_000, **budgets})
    app = create_app(Runtime(loose))
    validation = app.state.schema.admissions.validation
    with TestClient(app, raise_server_exceptions=False) as http, ThreadPoolExecutor(HOSTILE) as clients:

        def hostile() -> httpx.Response:
            return http.post("/graphql", content=REPEATED, headers={"content-type": "application/json"})

        answers = [clients.submit(hostile) for _ in range(HOSTILE)]
        with validation.changed:  # both validation threads busy, the other four documents waiting their turn
            assert validation.changed.wait_for(lambda: validation.running + validation.queued == HOSTILE, 120)
        assert http.get("/healthz").json() == {"status": "ok"}
        assert not all(answer.done() for answer in answers)
        for answer in answers:
            assert answer.result().json() == {"data": {"me": None}}


def test_a_request_past_its_budget_is_stopped_with_a_clear_refusal(settings: Settings) -> None:
    with gateway(settings.model_copy(update={"request_budget_seconds": 1e-9})) as api:
        response = api.http.post("/graphql", json={"query": "{ networks { totalCount } }"})
    assert response.status_code == 503
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "UNAVAILABLE"} and "budget" in error["message"]
