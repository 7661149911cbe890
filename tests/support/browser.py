"""Debian's Chromium for the end-to-end tests: found, or installed when missing (as root, with apt-get).

`python -m tests.support.browser` installs it if it can; quick when it is there. Without it, the e2e tests
skip with the reason, except in CI (CI=true), where a missing browser fails them (and this command exits 1).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Playwright drives Debian's build: no sandbox (containers), no GPU, no background traffic or updates.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_SECONDS = 900


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _install() -> str | None:
    if shutil.which("apt-get") is None:
        return "Chromium is missing and apt-get is not available to install it"
    if os.geteuid() != 0:
        return "Chromium is missing; install it as root: apt-get install -y chromium"
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=INSTALL_SECONDS)
        if done.returncode != 0:
            return f"`{' '.join(command)}` failed: {done.stderr.strip()[-300:]}"
    return None


def ensure_chromium() -> str | None:
    """None when Chromium is ready; otherwise why it is not."""
    if CHROMIUM.exists():
        return None
    try:
        reason = _install()
    except (OSError, subprocess.TimeoutExpired) as failed:
        reason = f"installing Chromium failed: {failed}"
    return reason or (None if CHROMIUM.exists() else f"{CHROMIUM} is still missing after apt-get install")


def main() -> int:
    reason = ensure_chromium()
    if reason is None:
        print(f"Chromium is ready at {CHROMIUM}")
        return 0
    print(f"{reason}; the end-to-end tests {'will fail' if in_ci() else 'will be skipped'}", file=sys.stderr)
    return 1 if in_ci() else 0


if __name__ == "__main__":
    raise SystemExit(main())
