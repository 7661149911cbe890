"""Weekly digests: each member's new items as HTML and text, through the file drop or SMTP; opting out works."""

from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from events import audience
from infra.columns import utcnow
from infra.database import Database
from infra.settings import Settings
from services.feeds.api import send_due_digests
from services.feeds.mail import MailSettings, Smtp
from tests.feeds.smtp_receiver import Receiver
from tests.feeds.support import ident, member_of, network_with_group, project, publication, share, shared
from tests.support.graphql import Gateway, Member

OPT_OUT = "mutation { setDigestEnabled(enabled: false) { enabled } }"


async def _community(api: Gateway, database: Database) -> tuple[Member, Member]:
    host, network, leeds = network_with_group(api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    amara = member_of(api, host, network, leeds, "Amara Okafor")
    found = publication(kind="harvest", title="Harvest of the <Leeds> café", text="Patterns & open questions",
                        network_ids=[network], practice_areas=["hosting"])  # fmt: skip
    await share(database, shared(ident(), [audience.network(network)], found))
    await project(database)
    return host, amara


def _parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    page = message.get_body(("html",))
    assert text is not None and page is not None
    return text.get_content(), page.get_content()


async def test_the_file_drop_gets_a_digest_per_member_who_did_not_opt_out(
    api: Gateway, database: Database, settings: Settings
) -> None:
    host, amara = await _community(api, database)
    host.run(OPT_OUT)
    now = utcnow() + timedelta(minutes=1)

    assert await send_due_digests(database, settings, now) == 1
    [dropped] = list((settings.data_dir / "outbox-mail").glob("*.eml"))
    message = message_from_bytes(dropped.read_bytes(), policy=policy.default)
    assert message["To"] == amara.email
    text, page = _parts(message)  # type: ignore[arg-type]
    assert "- Harvest of the <Leeds> café (shared in Northern Network, also working on hosting)" in text
    assert "- Hana Host (new member of Northern Network)" in text
    assert "Harvest of the &lt;Leeds&gt; café" in page and "Patterns &amp; open questions" in page
    # Sent already this week; next week there is nothing new.
    assert await send_due_digests(database, settings, now + timedelta(days=1)) == 0
    assert await send_due_digests(database, settings, now + timedelta(days=8)) == 0
    assert len(list(Path(settings.data_dir / "outbox-mail").glob("*.eml"))) == 1


async def test_smtp_delivers_the_digest_to_a_real_smtp_server(
    api: Gateway, database: Database, settings: Settings
) -> None:
    _, amara = await _community(api, database)
    receiver = Receiver()
    port = await receiver.start()
    try:
        sender = Smtp(MailSettings(host="127.0.0.1", port=port, starttls=False))
        sent = await send_due_digests(database, settings, utcnow() + timedelta(minutes=1), sender=sender)
    finally:
        await receiver.stop()
    assert sent == 2
    delivered = {message["To"]: message for message in receiver.messages}
    text, _ = _parts(delivered[amara.email])
    assert "Harvest of the <Leeds> café" in text
