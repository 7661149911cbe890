"""A real SMTP server in process (aiosmtpd), and the notifications pipeline run step by step."""

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy.exc import IntegrityError

from events.inprocess import InProcessBus
from events.relay import Relay
from events.runner import Runner
from infra.database import Database
from infra.settings import Settings
from services.notifications.api import consumer, deliver_due
from tests.support.budgets import unhurried

PUBLIC = "https://commons.example.org"


class Inbox:
    """aiosmtpd's handler: keeps every message it accepts, each with its envelope recipients, and signals each
    arrival (to tests waiting on a server in another process)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[str] = []
        self.arrived = threading.Condition()
        self.port = 0  # the server's, once it runs

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.arrived:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
            self.recipients += envelope.rcpt_tos
            self.arrived.notify_all()
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def arrival(self, address: str, subject_part: str, within_seconds: float = 10.0) -> EmailMessage:
        """The first message to `address` whose subject holds `subject_part`, waiting for it to arrive."""

        def found() -> EmailMessage | None:
            return next((m for m in self.to(address) if subject_part in m["Subject"]), None)

        with self.arrived:
            message = self.arrived.wait_for(found, timeout=within_seconds)
        assert message is not None, f"no email to {address} about {subject_part!r} within {within_seconds} s"
        return message


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with socket.socket() as probe:  # aiosmtpd checks its server by connecting to the port it was given
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox.port = port
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def mail_settings(database_url: str, data_dir: Any, port: int, **more: Any) -> Settings:
    """Workers off: tests run the relay, the consumer and the sender themselves, step by step."""
    return unhurried(
        database_url=database_url,
        data_dir=data_dir,
        run_workers=False,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_starttls=False,
        public_url=PUBLIC,
        sign_ups_per_address_hour=10_000,
        **more,
    )


async def notify_all(db: Database) -> int:
    """Relays the outbox and runs the notifications consumer until it has nothing left; how many events it read."""
    bus = InProcessBus(db)
    for _ in range(100):
        try:
            await Relay(db, bus).drain()
            break
        except IntegrityError:
            await asyncio.sleep(0.02)
    runner, source, total = Runner(consumer(), db, bus), bus.source("notifications", consumer().sources), 0
    while read := await runner.step(source, 0.01):
        total += read
    return total


async def pipeline(db: Database, settings: Settings) -> int:
    """Events to notifications, then every due email sent; how many emails went."""
    await notify_all(db)
    return await deliver_due(db, settings)
