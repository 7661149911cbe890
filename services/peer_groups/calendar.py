"""Meetings as iCalendar (RFC 5545), written by hand: CRLF line ends, escaped text, lines folded at 75 octets."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from services.peer_groups.tables import Meeting, PeerGroup

CRLF = "\r\n"
MODE_LABELS = {"in_person": "In person", "phone": "By phone", "online": "Online"}


def escape(text: str) -> str:
    """TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Content lines longer than 75 octets continue on lines starting with a space, never inside a character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            parts.append(current)
            current, size = " ", 1
        current, size = current + char, size + width
    return CRLF.join([*parts, current])


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(group: PeerGroup, meeting: Meeting, now: datetime) -> list[str]:
    where = meeting.place or MODE_LABELS[meeting.mode]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting.id}@practice-commons",
        f"DTSTAMP:{stamp(now)}",
        f"DTSTART:{stamp(meeting.starts_at)}",
        f"DTEND:{stamp(meeting.starts_at + timedelta(minutes=meeting.minutes))}",
        f"SUMMARY:{escape(f'{group.name} - peer mentoring meeting')}",
        f"LOCATION:{escape(where)}",
        f"DESCRIPTION:{escape(f'{MODE_LABELS[meeting.mode]}. Confidential to the group; no post mortems.')}",
    ]
    if meeting.place.startswith(("https://", "http://")) and not any(c.isspace() for c in meeting.place):
        lines.append(f"URL:{meeting.place}")
    return [*lines, "END:VEVENT"]


def calendar(group: PeerGroup, meetings: Iterable[Meeting], now: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Practice Commons//Peer groups//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(group.name)}",
    ]
    for meeting in meetings:
        lines += _event(group, meeting, now)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
