"""The mail sender as a process of its own (`python -m tests.notifications.crashing_sender --freeze MOMENT --at N`),
with settings from the COMMONS_ variables: it sends what is due through SMTP as the scheduler's `mail` job does,
and stops dead at its Nth message, `before-send` (claimed, nothing handed to the server) or `after-accept` (the
server said 250, the outbox row not yet marked sent), prints "frozen" and waits for the test to kill it."""

import argparse
import asyncio
import sys
from email.message import EmailMessage

from infra.database import Database
from infra.settings import Settings
from services.notifications.api import deliver_due
from services.notifications.mail import Smtp
from tests.events.crashing_worker import freeze

MOMENTS = ("before-send", "after-accept")


class FreezingSender(Smtp):
    def __init__(self, settings: Settings, moment: str, at: int) -> None:
        super().__init__(settings)
        self.moment, self.at, self.handed = moment, at, 0

    async def send(self, message: EmailMessage, key: str) -> None:
        self.handed += 1
        if self.handed == self.at and self.moment == "before-send":
            freeze()
        await super().send(message, key)
        if self.handed == self.at:
            freeze()


async def run(moment: str, at: int) -> None:
    settings = Settings()
    db = Database(settings.resolved_database_url)
    await deliver_due(db, settings, FreezingSender(settings, moment, at))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="crashing_sender")
    parser.add_argument("--freeze", choices=MOMENTS, required=True)
    parser.add_argument("--at", type=int, default=1, help="the message, counted from 1, to freeze at")
    args = parser.parse_args(argv)
    asyncio.run(run(args.freeze, args.at))
    print("finished without freezing", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
