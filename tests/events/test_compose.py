"""docker-compose.yml stays valid, and every process it starts is a command `commons` knows."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from commons.cli import parser

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def test_the_compose_file_is_valid() -> None:
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.skip("docker-compose is not installed (apt-get install docker-compose)")
    result = subprocess.run([binary, "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_commons_process_runs_a_known_command() -> None:
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    commands = [spec["command"] for spec in services.values() if spec.get("command", [""])[0] == "commons"]
    assert {command[1] for command in commands} == {"serve", "relay", "worker", "scheduler"}
    top, handlers = parser()
    for command in commands:
        assert top.parse_args(command[1:]).command in handlers
