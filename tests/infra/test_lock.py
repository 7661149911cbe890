"""The environment is the lock: what `make test` installed is exactly requirements-dev.lock, and the lock still
satisfies pyproject.toml (`make lock` after changing a dependency)."""

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "practice-commons"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def pins(lock: str) -> dict[str, str]:
    lines = (ROOT / lock).read_text().splitlines()
    return {canonicalize_name(m[1]): m[2] for line in lines if (m := PIN.match(line))}


def installed() -> dict[str, str]:
    found = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions() if d.metadata["Name"]}
    return {name: version for name, version in found.items() if name != PROJECT}


def declared() -> list[Requirement]:
    """The project's own requirements, runtime and dev, as pyproject.toml declares them."""
    everything = [Requirement(text) for text in metadata.requires(PROJECT) or []]
    return [r for r in everything if r.marker is None or r.marker.evaluate({"extra": "dev"})]


def test_every_locked_version_is_the_one_installed() -> None:
    locked, present = pins("requirements-dev.lock"), installed()
    wrong = {name: (version, present.get(name)) for name, version in locked.items() if present.get(name) != version}
    assert wrong == {}, "installed versions differ from the lock (locked, installed): run make test to reinstall"


def test_nothing_is_installed_beyond_the_lock() -> None:
    extra = sorted(set(installed()) - set(pins("requirements-dev.lock")))
    assert extra == [], "installed but not locked: add them to pyproject.toml and run make lock, or uninstall them"


def test_the_locks_satisfy_pyproject() -> None:
    for lock in ("requirements.lock", "requirements-dev.lock"):
        locked = pins(lock)
        runtime_only = lock == "requirements.lock"
        for requirement in declared():
            if runtime_only and requirement.marker is not None:
                continue
            version = locked.get(canonicalize_name(requirement.name))
            assert version is not None, f"{requirement.name} is not in {lock}: run make lock"
            assert requirement.specifier.contains(version), f"{lock} pins {requirement.name}=={version}: make lock"


def test_the_dev_lock_keeps_the_runtime_pins() -> None:
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_the_image_installs_the_lock_before_the_code_and_checks_readiness() -> None:
    steps = [line for line in (ROOT / "Dockerfile").read_text().splitlines() if line and not line.startswith("#")]
    locked = steps.index("RUN pip install -r requirements.lock")
    first_code = min(i for i, step in enumerate(steps) if step.startswith("COPY") and "requirements" not in step)
    assert locked < first_code, "a code change would reinstall every dependency"
    assert "RUN pip install --no-deps ." in steps
    assert any(step.startswith("HEALTHCHECK") for step in steps) and "/readyz" in "".join(steps)
