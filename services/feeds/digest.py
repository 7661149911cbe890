"""The weekly digest: each member's top new feed items, as HTML and plain text, unless they opted out.

`send_due_digests` is meant to run every hour or so: a member is due a week after their last digest. The
period is recorded after each send, so a crash in between sends that member's digest again (at least once).
"""

import html
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from infra.database import Database
from infra.settings import Settings
from infra.upserts import upsert
from services.accounts import api as accounts
from services.feeds.access import current_keys, current_late_seats
from services.feeds.mail import MailSettings, Sender, sender_for
from services.feeds.outlook import Outlook, outlook_of
from services.feeds.queries import Ranked, ranked_page
from services.feeds.tables import DigestChoice, FeedMember

PERIOD = timedelta(days=7)
SHOWN = 10


async def digest_items(session: AsyncSession, outlook: Outlook, since: datetime, until: datetime) -> list[Ranked]:
    """The member's best unseen items published in the period, ranked as their feed ranks them."""
    ranked = await ranked_page(session, outlook, 5 * SHOWN, None)
    return [r for r in ranked if since < r[0].published_at <= until and not r[1].seen][:SHOWN]


def render(name: str, email: str, ranked: list[Ranked], site: str, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"Your week in Practice Commons: {len(ranked)} new from your community"
    message["From"], message["To"] = sender, email
    lines = [f"Hello {name},", "", "New in your learning feed this week:", ""]
    lines += [f"- {item.title} ({placed.reason})\n  {site}{item.path}" for item, placed in ranked]
    lines += ["", f"Turn these emails off in your feed settings: {site}/feed"]
    message.set_content("\n".join(lines))
    entries = "".join(
        f'<li><a href="{html.escape(site + item.path)}">{html.escape(item.title)}</a><br>'
        f"<small>{html.escape(placed.reason)}</small><p>{html.escape(item.excerpt)}</p></li>"
        for item, placed in ranked
    )
    message.add_alternative(
        f"<html><body><p>Hello {html.escape(name)},</p><p>New in your learning feed this week:</p><ul>{entries}</ul>"
        f'<p><a href="{html.escape(site)}/feed">Turn these emails off</a> in your feed settings.</p></body></html>',
        subtype="html",
    )
    return message


async def _due(db: Database, now: datetime) -> list[tuple[str, datetime]]:
    query = (
        select(FeedMember.member_id, DigestChoice.last_sent_at)
        .outerjoin(DigestChoice, DigestChoice.member_id == FeedMember.member_id)
        .where(or_(DigestChoice.enabled.is_(None), DigestChoice.enabled.is_(True)))
        .where(or_(DigestChoice.last_sent_at.is_(None), DigestChoice.last_sent_at <= now - PERIOD))
    )
    async with db.sessions() as session:
        return [(member, last or now - PERIOD) for member, last in await session.execute(query)]


async def send_due_digests(runtime_or_db: Any, settings: Settings, now: datetime, sender: Sender | None = None) -> int:
    """Sends every due digest that has something in it; how many it sent."""
    db: Database = getattr(runtime_or_db, "db", runtime_or_db)
    mail = MailSettings()
    sender, site, sent = sender or sender_for(settings, mail), f"http://{settings.host}:{settings.port}", 0
    for member_id, since in await _due(db, now):
        keys, late = await current_keys(db, member_id), await current_late_seats(db, member_id)
        async with db.sessions() as session:
            ranked = await digest_items(session, await outlook_of(session, member_id, keys, late), since, now)
        account = await accounts.account(db, member_id) if ranked else None
        if account is not None:
            await sender.send(render(account.name, account.email, ranked, site, mail.sender))
            sent += 1
        async with db.transaction() as session:
            await upsert(session, DigestChoice, [{"member_id": member_id, "enabled": True, "last_sent_at": now}],
                         ["last_sent_at"])  # fmt: skip
    return sent
