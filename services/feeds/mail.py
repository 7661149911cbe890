"""Delivering email through a pluggable sender: SMTP in production, a file drop in the embedded mode.

SMTP is chosen when COMMONS_SMTP_HOST is set; otherwise messages land as .eml files in
`<data_dir>/outbox-mail/`, where a developer opens them with any mail client.
"""

import asyncio
import smtplib
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from pydantic_settings import BaseSettings, SettingsConfigDict

from infra.columns import new_id, utcnow
from infra.settings import Settings


class MailSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COMMONS_SMTP_", env_file=".env", extra="ignore")

    host: str | None = None
    port: int = 587
    username: str | None = None
    password: str | None = None
    starttls: bool = True
    timeout_seconds: float = 30.0
    sender: str = "Practice Commons <digest@practice-commons.local>"


class Sender(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


class FileDrop:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%dT%H%M%S}-{new_id()}.eml"
        (self.folder / name).write_bytes(message.as_bytes())


class Smtp:
    def __init__(self, mail: MailSettings) -> None:
        self.mail = mail

    async def send(self, message: EmailMessage) -> None:
        await asyncio.to_thread(self._send, message)

    def _send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.mail.host or "", self.mail.port, timeout=self.mail.timeout_seconds) as client:
            if self.mail.starttls:
                client.starttls()
            if self.mail.username:
                client.login(self.mail.username, self.mail.password or "")
            client.send_message(message)


def sender_for(settings: Settings, mail: MailSettings | None = None) -> Sender:
    mail = mail or MailSettings()
    return Smtp(mail) if mail.host else FileDrop(settings.data_dir / "outbox-mail")
