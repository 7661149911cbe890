"""docker-compose.yml stays valid and starts clean: every process it starts is a command `commons` knows, the
migrations run once before any of them, whatever others wait for reports its health, the gateway scales behind
one entry point, and what must survive lives in volumes."""

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from commons.cli import parser
from commons.runtime import Runtime
from infra.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
Services = dict[str, dict[str, Any]]


@pytest.fixture
def services() -> Services:
    loaded: Services = yaml.safe_load(COMPOSE.read_text())["services"]
    return loaded


def commons_processes(services: Services) -> Services:
    return {name: spec for name, spec in services.items() if spec.get("command", [""])[0] == "commons"}


def test_the_compose_file_is_valid() -> None:
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.skip("docker-compose is not installed (apt-get install docker-compose)")
    result = subprocess.run([binary, "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_commons_process_runs_a_known_command(services: Services) -> None:
    commands = [spec["command"] for spec in commons_processes(services).values()]
    assert {command[1] for command in commands} == {"migrate", "serve", "relay", "worker", "scheduler"}
    top, handlers = parser()
    for command in commands:
        assert top.parse_args(command[1:]).command in handlers


def test_every_consumer_group_has_its_worker(services: Services, tmp_path: Path) -> None:
    """The embedded mode runs every consumer in one process; the distributed one needs a worker for each."""
    runtime = Runtime(Settings(data_dir=tmp_path))
    workers = {spec["command"][2] for spec in commons_processes(services).values() if spec["command"][1] == "worker"}
    assert workers == {consumer.name for consumer in runtime.consumers()}


def test_every_process_waits_for_the_one_migration(services: Services) -> None:
    processes = commons_processes(services)
    assert services["migrate"]["command"] == ["commons", "migrate"]
    assert services["migrate"]["restart"] == "no"
    for name, spec in processes.items():
        assert spec["environment"]["COMMONS_MIGRATE_ON_START"] == "false", name
        if name != "migrate":
            assert spec["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}, name


def test_what_others_wait_for_reports_its_health(services: Services) -> None:
    awaited = {
        (needed, wait["condition"]) for spec in services.values() for needed, wait in spec.get("depends_on", {}).items()
    }
    healthy = {needed for needed, condition in awaited if condition == "service_healthy"}
    assert healthy >= {"postgres", "kafka", "meilisearch", "gateway"}
    assert {needed for needed, _ in awaited} - healthy == {"migrate"}
    for name in healthy:
        assert services[name]["healthcheck"]["test"], name
        assert not services[name]["healthcheck"].get("disable", False), name
    assert "/readyz" in " ".join(services["gateway"]["healthcheck"]["test"])


def test_the_gateway_scales_behind_one_entry_point(services: Services) -> None:
    assert "ports" not in services["gateway"], "a fixed host port allows one gateway replica only"
    published = [name for name, spec in services.items() if spec.get("ports")]
    assert published == ["proxy"]
    mounted = {volume.split(":")[0] for volume in services["proxy"]["volumes"]}
    config = (ROOT / next(iter(mounted))).read_text()
    assert "proxy_pass $gateway" in config and "http://gateway:8000" in config
    assert "Upgrade $http_upgrade" in config, "live subscriptions are WebSockets"


def test_what_must_survive_is_in_volumes(services: Services) -> None:
    named = set(yaml.safe_load(COMPOSE.read_text())["volumes"])
    kept = {
        volume.split(":")[1]: volume.split(":")[0] for spec in services.values() for volume in spec.get("volumes", [])
    }
    assert kept["/var/lib/postgresql/data"] in named
    assert kept["/var/lib/kafka/data"] in named
    assert kept["/meili_data"] in named
    # The scheduler sends the mail outbox: without SMTP its .eml files land in <data_dir>/outbox-mail.
    assert "/app/var/outbox-mail" in services["scheduler"]["volumes"][0] and kept["/app/var/outbox-mail"] in named
