"""A refused email is logged by its key and the refusal's kind: never the address the server quoted back."""

from email.message import EmailMessage

from aiosmtplib import SMTPRecipientRefused

from infra.database import Database
from infra.settings import Settings
from services.notifications.api import deliver_due, mail_backlog
from tests.notifications.support import Inbox, notify_all
from tests.peer_groups.support import SCHEDULE, open_group, soon
from tests.support.graphql import Gateway
from tests.support.logs import captured_logs


class Refusing:
    async def send(self, message: EmailMessage, key: str) -> None:
        raise SMTPRecipientRefused(550, "no such mailbox", str(message["To"]))


async def test_a_refused_recipients_address_stays_out_of_the_logs(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, people, group = open_group(api, "Amara Okafor", "Ben Carter")
    people[0].run(SCHEDULE, g=group, at=soon(3), count=1, mode="phone", place="")
    await notify_all(database)
    with captured_logs() as lines:
        assert await deliver_due(database, settings, sender=Refusing()) == 0
    refusals = [line for line in lines if "not sent" in line["message"]]
    assert len(refusals) == await mail_backlog(database) == 2
    assert all(line["message"].endswith("SMTPRecipientRefused") for line in refusals)
    assert not any(person.email in str(lines) for person in people)
