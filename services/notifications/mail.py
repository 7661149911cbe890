"""Delivering a message: SMTP through aiosmtplib when COMMONS_SMTP_HOST is set, otherwise a file drop.

The file drop writes `<data_dir>/outbox-mail/<key>.eml`, where a developer opens it with any mail client; named by
the message's outbox key, so sending one twice leaves one file.
"""

import re
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import aiosmtplib

from infra.settings import Settings


class Sender(Protocol):
    async def send(self, message: EmailMessage, key: str) -> None: ...


class FileDrop:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, key: str) -> Path:
        return self.folder / f"{re.sub(r'[^A-Za-z0-9_-]', '-', key)}.eml"

    async def send(self, message: EmailMessage, key: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path_of(key).write_bytes(message.as_bytes())


class Smtp:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def send(self, message: EmailMessage, key: str) -> None:
        s = self.settings
        await aiosmtplib.send(
            message,
            hostname=s.smtp_host,
            port=s.smtp_port,
            username=s.smtp_username,
            password=s.smtp_password,
            start_tls=s.smtp_starttls,
            timeout=s.smtp_timeout_seconds,
        )


def sender_for(settings: Settings) -> Sender:
    return Smtp(settings) if settings.smtp_host else FileDrop(settings.data_dir / "outbox-mail")
