"""Alembic, driven from code. Each owner of tables keeps its own migration branch in `<owner>/migrations/`."""

import importlib
import pkgutil
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent
OWNERS = ("events", "search", "services")


def table_modules() -> list[str]:
    """Every `tables` module: the events package, search, and each service."""
    names = ["events.tables", "search.tables"]
    services = importlib.import_module("services")
    names += [f"services.{info.name}.tables" for info in pkgutil.iter_modules(services.__path__)]
    return [name for name in names if importlib.util.find_spec(name) is not None]


def load_tables() -> None:
    for name in table_modules():
        importlib.import_module(name)


def version_locations() -> list[str]:
    folders = [ROOT / "events" / "migrations", ROOT / "search" / "migrations"]
    folders += sorted((ROOT / "services").glob("*/migrations"))
    return [str(folder) for folder in folders if folder.is_dir()]


def config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "infra" / "migrations"))
    cfg.set_main_option("version_locations", " ".join(version_locations()))
    cfg.set_main_option("path_separator", "space")
    cfg.attributes["url"] = url
    return cfg


def upgrade(url: str) -> None:
    command.upgrade(config(url), "heads")


def revision(url: str, branch: str, message: str) -> None:
    """Autogenerates the next migration of `branch` against a database already at heads."""
    folder = ROOT / ("services/" + branch if (ROOT / "services" / branch).is_dir() else branch) / "migrations"
    folder.mkdir(exist_ok=True)
    cfg = config(url)
    cfg.attributes["owner_prefix"] = f"{branch}_"
    known = _has_branch(cfg, branch)
    command.revision(
        cfg,
        message=message,
        autogenerate=True,
        head=f"{branch}@head" if known else "base",
        branch_label=None if known else branch,
        version_path=str(folder),
    )


def _has_branch(cfg: Config, branch: str) -> bool:
    from alembic.script import ScriptDirectory

    return any(branch in (rev.branch_labels or ()) for rev in ScriptDirectory.from_config(cfg).walk_revisions())


if __name__ == "__main__":
    # python -m infra.migrate revision BRANCH "message" (against a scratch SQLite database at heads)
    _, _, branch, message = sys.argv
    scratch = ROOT / "var" / "makemigration.db"
    scratch.parent.mkdir(exist_ok=True)
    scratch.unlink(missing_ok=True)
    scratch_url = f"sqlite+aiosqlite:///{scratch}"
    upgrade(scratch_url)
    revision(scratch_url, branch, message)
