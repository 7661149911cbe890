"""A real SMTP server in process (aiosmtpd), and the notifications pipeline run step by step."""

import asyncio
import socket
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

PUBLIC = "https://commons.example.org"


class Inbox:
    """aiosmtpd's handler: keeps every message it accepts, each with its envelope recipients."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        self.recipients += envelope.rcpt_tos
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with socket.socket() as probe:  # aiosmtpd checks its server by connecting to the port it was given
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def mail_settings(database_url: str, data_dir: Any, port: int, **more: Any) -> Settings:
    """Workers off: tests run the relay, the consumer and the sender themselves, step by step."""
    return Settings(database_url=database_url, data_dir=data_dir, run_workers=False, smtp_host="127.0.0.1",
                    smtp_port=port, smtp_starttls=False, public_url=PUBLIC, sign_ups_per_address_hour=10_000,
                    **more)  # fmt: skip


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
