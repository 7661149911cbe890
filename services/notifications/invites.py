"""A meeting as an .ics invitation (the icalendar package): its time, length, mode and group's name only."""

from datetime import timedelta

from icalendar import Calendar, Event

from infra.columns import utcnow
from services.peer_groups.api import MeetingGlimpse

MODES = {"in_person": "In person", "phone": "By phone", "online": "Online"}


def meeting_ics(meeting: MeetingGlimpse, link: str) -> str:
    calendar = Calendar()
    calendar.add("prodid", "-//Practice Commons//Notifications//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{meeting.id}@practice-commons")
    event.add("dtstamp", utcnow())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + timedelta(minutes=meeting.minutes))
    event.add("summary", f"{meeting.group_name} - peer mentoring meeting")
    event.add("description", f"{MODES.get(meeting.mode, meeting.mode)}. Where and how: {link}")
    event.add("url", link)
    calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical.decode()
