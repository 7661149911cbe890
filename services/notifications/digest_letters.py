"""A digest as an email: plain text and HTML, its notifications (what they say, linked) and feed highlights, every
link under COMMONS_PUBLIC_URL, and a one-click unsubscribe (RFC 8058) that stops this digest."""

import html
from email.message import EmailMessage
from typing import Any

from infra.settings import Settings
from services.notifications.kinds import Channel
from services.notifications.letters import headed, unsubscribe_url

SPAN = {Channel.DAILY: "day", Channel.WEEKLY: "week"}


def digest_letter(
    settings: Settings, email_id: str, member_id: str, to: str, name: str, digest: dict[str, Any]
) -> EmailMessage:
    cadence, site = Channel(digest["cadence"]), settings.site_url
    notes, shown = digest["notifications"], digest["highlights"]
    leave = unsubscribe_url(settings, member_id, cadence)
    subject = f"Your {SPAN[cadence]} in Practice Commons: {len(notes) + len(shown)} new from your community"
    message = headed(settings, email_id, to, subject, leave)
    lines = [f"Hello {name},", ""]
    if notes:
        lines += ["Your unread notifications:", "", *(f"- {text}\n  {site}{path}" for text, path in notes), ""]
    if shown:
        lines += [f"New in your learning feed this {SPAN[cadence]}:", ""]
        lines += [f"- {title} ({reason})\n  {site}{path}" for title, reason, _, path in shown]
        lines += [""]
    message.set_content("\n".join([*lines, f"No more of these emails: {leave}", ""]))
    message.add_alternative(_page(site, name, cadence, notes, shown, leave), subtype="html")
    return message


def _page(site: str, name: str, cadence: Channel, notes: list[list[str]], shown: list[list[str]], leave: str) -> str:
    def link(path: str, text: str) -> str:
        return f'<a href="{html.escape(site + path)}">{html.escape(text)}</a>'

    parts = [f"<p>Hello {html.escape(name)},</p>"]
    if notes:
        items = "".join(f"<li>{link(path, text)}</li>" for text, path in notes)
        parts.append(f"<p>Your unread notifications:</p><ul>{items}</ul>")
    if shown:
        items = "".join(
            f"<li>{link(path, title)}<br><small>{html.escape(reason)}</small><p>{html.escape(excerpt)}</p></li>"
            for title, reason, excerpt, path in shown
        )
        parts.append(f"<p>New in your learning feed this {SPAN[cadence]}:</p><ul>{items}</ul>")
    parts.append(f'<p><small><a href="{html.escape(leave)}">No more of these emails</a></small></p>')
    return f"<html><body>{''.join(parts)}</body></html>"
