"""A notification as an email: plain text and HTML, a link under COMMONS_PUBLIC_URL, a one-click unsubscribe
(RFC 8058), and for a meeting its .ics. Only what the notification says: never the content it is about."""

import html
from email.message import EmailMessage

from infra.settings import Settings
from services.notifications.kinds import Kind
from services.notifications.tables import Notification
from services.notifications.tokens import Topic, unsubscribe_token
from services.notifications.wording import text_of


def unsubscribe_url(settings: Settings, member_id: str, topic: Topic) -> str:
    return f"{settings.site_url}/notifications/unsubscribe?token={unsubscribe_token(settings, member_id, topic)}"


def headed(settings: Settings, message_id: str, to: str, subject: str, leave: str | None = None) -> EmailMessage:
    """A message with its headers: the same Message-ID on every attempt (a receiver that got it twice, from a sender
    killed after the server took it, sees one), and the one-click unsubscribe when it is not an answer to an action."""
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = subject, settings.mail_from, to
    message["Message-ID"] = f"<{message_id}@practice-commons>"
    if leave is not None:
        message["List-Unsubscribe"] = f"<{leave}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def letter(settings: Settings, row: Notification, to: str, name: str, ics: str | None = None) -> EmailMessage:
    said, link = text_of(row), settings.site_url + row.path
    leave = unsubscribe_url(settings, row.recipient_id, Kind(row.kind))
    message = headed(settings, row.id, to, said, leave)
    message.set_content(f"Hello {name},\n\n{said}.\n\n{link}\n\nNo more of these emails: {leave}\n")
    message.add_alternative(
        f'<html><body><p>Hello {html.escape(name)},</p><p><a href="{html.escape(link)}">{html.escape(said)}</a></p>'
        f'<p><small><a href="{html.escape(leave)}">No more of these emails</a></small></p></body></html>',
        subtype="html",
    )
    if ics is not None:
        message.add_attachment(ics.encode(), maintype="text", subtype="calendar", filename="meeting.ics")
    return message


def written_letter(settings: Settings, email_id: str, to: str, written: dict[str, str]) -> EmailMessage:
    """A letter another service wrote (accounts' links, an invitation): no unsubscribe, as it answers an action."""
    subject, text, link = written["subject"], written["text"], settings.site_url + written["path"]
    message = headed(settings, email_id, to, subject)
    message.set_content(f"Hello,\n\n{text}\n\n{link}\n")
    message.add_alternative(
        f'<html><body><p>Hello,</p><p>{html.escape(text)}</p><p><a href="{html.escape(link)}">{html.escape(link)}</a>'
        "</p></body></html>",
        subtype="html",
    )
    return message
