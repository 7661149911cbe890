"""The distributed mode as separate `commons` processes on one machine, for the topology test: each process's
output goes to a file the test reads for signals (a consumer group member's partitions, a gateway's readiness)."""

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from infra.local_kafka import free_port

ROOT = Path(__file__).resolve().parents[2]
# Generous: on a loaded CI machine a process has needed over 30 s to start and join its group.
START_SECONDS = 90.0
READS = re.compile(r"consumer group (\S+): this member reads ([^\"\n]*)")


class Process:
    """One `commons ARGS` process; SIGKILLed like a crash, or stopped with SIGTERM as operators do."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], folder: Path) -> None:
        self.name, self.log = name, folder / f"{name}.log"
        with self.log.open("wb") as output:
            command = [sys.executable, "-m", "commons.cli", *args]
            self.popen = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)

    def said(self) -> str:
        return self.log.read_text(errors="replace")

    def reads(self, group: str) -> set[str] | None:
        """The partitions this member of `group` reads since its last rebalance (None before its first)."""
        found = [parts for named, parts in READS.findall(self.said()) if named == group]
        return None if not found else {part for part in found[-1].split(", ") if part and part != "nothing"}

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.popen.kill()
        self.popen.wait()

    def stop(self) -> None:
        if self.alive():
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def until(check: Callable[[], bool], what: str, processes: list[Process], timeout: float = START_SECONDS) -> None:
    """Waits for `check` to hold, failing with every process's last words if it does not in time, or one exits."""
    deadline = time.monotonic() + timeout
    while not check():
        dead = [p.name for p in processes if not p.alive() and p.popen.returncode != -signal.SIGKILL]
        if dead or time.monotonic() > deadline:
            words = "\n".join(f"--- {p.name}\n{p.said()[-1500:]}" for p in processes)
            raise AssertionError(f"{what}: {'exited: ' + ', '.join(dead) if dead else 'timed out'}\n{words}")
        time.sleep(0.1)


class Stack:
    """Starts processes sharing one environment; stops whatever still runs at the end."""

    def __init__(self, env: dict[str, str], folder: Path) -> None:
        self.env, self.folder = {**os.environ, **env}, folder
        self.processes: list[Process] = []

    def start(self, name: str, *args: str, **settings: str) -> Process:
        self.processes.append(Process(name, list(args), {**self.env, **settings}, self.folder))
        return self.processes[-1]

    def gateway(self, name: str) -> str:
        """A `commons serve` without workers; its base URL once /readyz says the database, bus and search answer."""
        port = free_port()
        self.start(name, "serve", COMMONS_HOST="127.0.0.1", COMMONS_PORT=str(port))
        url = f"http://127.0.0.1:{port}"
        until(lambda: ready(url), f"{name} ready", self.processes)
        return url

    def run(self, *args: str) -> str:
        """A one-shot `commons ARGS` (migrate, status): its output, after it succeeded."""
        done = subprocess.run(
            [sys.executable, "-m", "commons.cli", *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=START_SECONDS,
        )
        assert done.returncode == 0, f"commons {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
        return done.stdout

    def stop(self) -> None:
        for process in self.processes:
            process.stop()


def ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=5).status_code == 200
    except httpx.TransportError:
        return False


@contextmanager
def stack(env: dict[str, str], folder: Path) -> Iterator[Stack]:
    running = Stack(env, folder)
    try:
        yield running
    finally:
        running.stop()
