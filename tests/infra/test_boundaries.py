"""The import contracts (pyproject.toml, `lint-imports` in `make lint`) refuse what DEVELOPING.md forbids: each test
copies the packages into its own temporary folder, adds one module with a forbidden import, and runs the linter
there; the tree itself is never touched, so runs side by side are safe."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("commons", "infra", "events", "search", "schema", "services")
LINTER = Path(sys.executable).with_name("lint-imports")


def _python_only(folder: str, names: list[str]) -> set[str]:
    return {
        name for name in names if name == "__pycache__" or (Path(folder, name).is_file() and not name.endswith(".py"))
    }


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_python_only)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def lint(folder: Path) -> subprocess.CompletedProcess[str]:
    # From the copy's folder, the copy's packages come first on the path, before the installed tree.
    command = [str(LINTER), "--no-cache", "--no-logo"]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, env={"PYTHONPATH": str(folder)})


def test_the_tree_keeps_every_contract(copy: Path) -> None:
    outcome = lint(copy)
    assert outcome.returncode == 0, outcome.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract", "named"),
    [
        (
            "services/gateway/probe.py",
            "from services.knowledge import stories",
            "reach each other only through",
            "probe",
        ),
        (
            "services/gateway/probe.py",
            "from services.peer_groups import tables",
            "reach each other only through",
            "probe",
        ),
        ("infra/probe.py", "from services.accounts import api", "Layers", "probe"),
        ("events/probe.py", "import schema", "Layers", "probe"),
        ("services/networks/probe.py", "from services.gateway import viewers", "Layers", "probe"),
        ("services/networks/probe.py", "from services.feeds import api", "No two services", ".networks -> .feeds"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(copy: Path, module: str, line: str, contract: str, named: str) -> None:
    (copy / module).write_text(f'"""A module DEVELOPING.md forbids."""\n\n{line}\n')
    outcome = lint(copy)
    assert outcome.returncode == 1
    broken = outcome.stdout.split("Broken contracts", 1)[1]
    assert contract in broken and named in broken
