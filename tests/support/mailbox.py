"""Reading the links accounts emailed, as their recipient would: from the letter in the email outbox, or, once
the embedded sender has sent it, from its .eml file under COMMONS_DATA_DIR/outbox-mail."""

import re
from email import message_from_bytes, policy

from sqlalchemy import select

from infra.runtime import Runtime
from services.notifications.mail import FileDrop, sender_for
from services.notifications.tables import Email

TOKEN = re.compile(r"token=([A-Za-z0-9_-]+)")


async def emailed_token(runtime: Runtime, account_id: str, purpose: str) -> str:
    async with runtime.db.sessions() as session:
        query = (
            select(Email.key, Email.letter)
            .where(Email.recipient_id == account_id, Email.key.startswith(f"account:{purpose}:"))
            .order_by(Email.queued_at.desc())
        )
        row = (await session.execute(query)).first()
    assert row is not None, f"no {purpose} link was emailed"
    key, letter = row
    text = letter["path"] if letter else _sent_text(runtime, key)
    found = TOKEN.search(text)
    assert found, f"the {purpose} email holds no link"
    return found.group(1)


def _sent_text(runtime: Runtime, key: str) -> str:
    drop = sender_for(runtime.settings)
    assert isinstance(drop, FileDrop), "a sent letter is read back from the .eml folder only"
    message = message_from_bytes(drop.path_of(key).read_bytes(), policy=policy.default)
    return message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
