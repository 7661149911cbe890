"""Members going to a gathering are mailed its changes with the gathering as an .ics, and a waiting member whose
place opened is mailed it too; members who gave their place up hear nothing."""

from icalendar import Calendar

from infra.database import Database
from infra.settings import Settings
from tests.gatherings.flows import SCHEDULE, plan, rsvp
from tests.knowledge.community import community
from tests.notifications.support import Inbox, pipeline
from tests.support.graphql import Gateway

EDIT = "mutation($id: ID!, $g: GatheringInput!) { editGathering(id: $id, gathering: $g) { id } }"


async def test_a_changed_gathering_is_mailed_with_its_ics(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    cafe = place.host.run(SCHEDULE, n=place.network, l=None, g=plan("Leeds World Café", 4, capacity=1))
    cafe = cafe["scheduleGathering"]["id"]
    rsvp(amara, cafe), rsvp(ben, cafe), rsvp(amara, cafe, going=False)
    place.host.run(EDIT, id=cafe, g=plan("Leeds World Café, upstairs", 5, capacity=1))
    inbox.messages.clear()
    await pipeline(database, settings)

    subjects = sorted(m["Subject"] for m in inbox.to(ben.email))
    assert len(subjects) == 2 and any("place opened" in s for s in subjects), subjects
    changed = next(m for m in inbox.to(ben.email) if "changed" in m["Subject"])
    [attached] = [part for part in changed.iter_attachments() if part.get_content_type() == "text/calendar"]
    ics = attached.get_payload(decode=True)
    assert isinstance(ics, bytes)
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["summary"]) == "Leeds World Café, upstairs (World Café)"
    assert inbox.to(amara.email) == []
