"""The `commons` command: every subcommand explains itself, and migrate + demo build a working database."""

import subprocess
import sys

import pytest

from commons.cli import main
from infra.settings import Settings
from tests.support.graphql import gateway

COMMANDS = [
    "serve",
    "migrate",
    "demo",
    "grant-admin",
    "scheduler",
    "reindex",
    "import-resources",
    "relay",
    "worker",
    "replay",
    "status",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main([command, "--help"])
    assert exit_code.value.code == 0
    assert f"usage: commons {command}" in capsys.readouterr().out


def test_demo_seeds_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"COMMONS_DATA_DIR": str(tmp_path), "PATH": ""}
    first = subprocess.run([sys.executable, "-m", "commons.cli", "demo"], capture_output=True, text=True, env=env)
    again = subprocess.run([sys.executable, "-m", "commons.cli", "demo"], capture_output=True, text=True, env=env)
    assert "demo data seeded" in first.stdout, first.stderr
    assert "demo data skipped" in again.stdout
    assert (tmp_path / "commons.db").exists()


def test_grant_admin_makes_an_account_a_platform_admin(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"COMMONS_DATA_DIR": str(tmp_path), "PATH": ""}
    subprocess.run([sys.executable, "-m", "commons.cli", "demo"], capture_output=True, text=True, env=env, check=True)
    granted = subprocess.run(
        [sys.executable, "-m", "commons.cli", "grant-admin", "amara@example.org"],
        capture_output=True,
        text=True,
        env=env,
    )
    unknown = subprocess.run(
        [sys.executable, "-m", "commons.cli", "grant-admin", "nobody@example.org"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert granted.returncode == 0 and "amara@example.org is a platform admin" in granted.stdout
    assert unknown.returncode == 1
    with gateway(Settings(data_dir=tmp_path)) as api:
        signed_in = api.run(
            'mutation { signIn(email: "amara@example.org", password: "practice-commons", forApi: true) { token } }'
        )
        me = api.run("{ me { isAdmin } }", token=signed_in["signIn"]["token"])
    assert me == {"me": {"isAdmin": True}}
