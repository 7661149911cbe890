"""`/readyz` names the part that is down: the database, the bus (Kafka) or the search engine, each where used."""

from pathlib import Path

from sqlalchemy.engine import make_url

from infra.local_kafka import free_port
from infra.settings import Settings
from tests.support.graphql import gateway


def readiness(settings: Settings, **changed: object) -> tuple[int, dict[str, str]]:
    # Without workers: only the gateway's own start runs beside the probe. New settings, not a copy: a copy keeps
    # the database URL already resolved.
    with gateway(Settings(**(settings.model_dump() | {"run_workers": False, **changed}))) as api:
        response = api.http.get("/readyz")
    return response.status_code, response.json()


def test_the_embedded_mode_is_ready_with_its_database_and_index(settings: Settings) -> None:
    assert readiness(settings) == (200, {"database": "ok", "search": "ok"})


def test_kafka_at_a_closed_port_is_named(settings: Settings) -> None:
    closed = f"127.0.0.1:{free_port()}"
    down = readiness(settings, bus="kafka", kafka_bootstrap=closed, kafka_timeout_ms=1000)
    assert down == (503, {"database": "ok", "bus": "unreachable", "search": "ok"})


def test_meilisearch_at_a_closed_port_is_named(settings: Settings) -> None:
    down = readiness(settings, search="meilisearch", meili_url=f"http://127.0.0.1:{free_port()}")
    assert down == (503, {"database": "ok", "search": "unreachable"})


def test_a_database_away_is_named(settings: Settings, tmp_path: Path) -> None:
    url = make_url(settings.database_url or "")
    away = (
        url.set(port=free_port())
        if url.get_backend_name() == "postgresql"
        else url.set(database=str(tmp_path / "no such folder" / "commons.db"))
    )
    down = readiness(settings, database_url=away.render_as_string(hide_password=False))
    assert down == (503, {"database": "unreachable", "search": "ok"})
