"""A gathering as an .ics file (the icalendar package): when, where, its kind and agenda; cancelled ones say so."""

from icalendar import Calendar, Event

from infra.columns import utcnow
from services.gatherings.kinds import NAMES
from services.gatherings.tables import Gathering


def gathering_ics(gathering: Gathering) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Practice Commons//Gatherings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{gathering.id}@practice-commons")
    event.add("dtstamp", utcnow())
    event.add("dtstart", gathering.starts_at)
    event.add("dtend", gathering.ends_at)
    event.add("summary", f"{gathering.title} ({NAMES[gathering.kind]})")
    event.add("location", gathering.place or gathering.link)
    event.add("description", gathering.agenda or NAMES[gathering.kind])
    event.add("status", "CONFIRMED" if gathering.status == "scheduled" else "CANCELLED")
    if gathering.link:
        event.add("url", gathering.link)
    calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
