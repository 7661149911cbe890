"""Issue 14's "done when" in this service's scope: a meeting due in 24 hours reminds each member by email with
its .ics, through a real SMTP server; a survey due sends an email, and a reminder a week later if unanswered."""

from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from infra.database import Database
from infra.settings import Settings
from services.notifications.api import deliver_due, run_due_jobs
from services.peer_groups.api import send_due_surveys
from services.peer_groups.cadence import add_months
from tests.notifications.support import PUBLIC, Inbox, pipeline
from tests.peer_groups.support import SCHEDULE, open_group, soon
from tests.peer_groups.test_scenario import answer_all
from tests.support.graphql import Gateway

INBOX = "{ unreadNotificationCount notifications(first: 10) { edges { node { id kind text path read } } } }"


async def test_a_meeting_due_in_24_hours_reminds_each_member_with_its_ics(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, people, group = open_group(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    [meeting] = people[0].run(
        SCHEDULE, g=group, at=soon(3), count=1, mode="online", place="https://meet.example.org/secret-room"
    )["scheduleMeetings"]
    assert await pipeline(database, settings) == 3  # "a meeting is scheduled", to each member
    seen = people[1].run(INBOX)
    assert seen["unreadNotificationCount"] == 1
    [node] = [e["node"] for e in seen["notifications"]["edges"]]
    assert node["kind"] == "MEETING_SCHEDULED" and "Tuesday peers" in node["text"] and node["path"].endswith(group)

    starts = datetime.fromisoformat(meeting["startsAt"])
    assert await run_due_jobs(database, starts - timedelta(hours=25)) == 0  # not due yet
    assert await run_due_jobs(database, starts - timedelta(hours=24)) == 1
    assert await run_due_jobs(database, starts - timedelta(hours=23)) == 0  # ran once
    inbox.messages.clear()
    assert await deliver_due(database, settings) == 3
    for member in people:
        [reminder] = inbox.to(member.email)
        assert reminder["Subject"].startswith("Tuesday peers meets tomorrow")
        text = reminder.get_body(("plain",)).get_content()
        assert f"{PUBLIC}/peer-groups/{group}" in text and "secret-room" not in reminder.as_string()
        [ics] = [part for part in reminder.iter_attachments() if part.get_content_type() == "text/calendar"]
        event = Calendar.from_ical(ics.get_content()).walk("VEVENT")[0]
        assert event.decoded("dtstart") == starts.astimezone(UTC)
        assert reminder["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


async def test_one_click_unsubscribe_stops_that_kind_of_email(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, people, group = open_group(api, "Amara Okafor", "Ben Carter")
    people[0].run(SCHEDULE, g=group, at=soon(3), count=1, mode="phone", place="")
    await pipeline(database, settings)
    [mail] = inbox.to(people[1].email)
    link = mail["List-Unsubscribe"].strip("<>")
    assert link.startswith(f"{PUBLIC}/notifications/unsubscribe?token=")
    local = link.replace(PUBLIC, "")
    forged = local[:-3] + "xyz"
    assert api.http.post(forged, data={"List-Unsubscribe": "One-Click"}).status_code == 400
    assert api.http.post(local, data={"List-Unsubscribe": "One-Click"}).status_code == 200
    people[0].run(SCHEDULE, g=group, at=soon(5), count=1, mode="phone", place="")
    inbox.messages.clear()
    await pipeline(database, settings)
    assert inbox.to(people[1].email) == [] and len(inbox.to(people[0].email)) == 1
    assert people[1].run(INBOX)["unreadNotificationCount"] == 2  # still in the app


async def test_a_survey_due_is_emailed_and_reminded_a_week_later_to_who_has_not_answered(
    api: Gateway, database: Database, settings: Settings, inbox: Inbox
) -> None:
    _, _, people, _ = open_group(api, "Amara Okafor", "Ben Carter")
    due = add_months(datetime.now(UTC), 12) + timedelta(days=1)
    assert (await send_due_surveys(database, due)).surveys_sent == 2
    assert await pipeline(database, settings) == 2
    for member in people:
        [mail] = inbox.to(member.email)
        assert "12-month feedback survey for Tuesday peers is due" in mail["Subject"]
    answer_all(people[:1], 12)
    inbox.messages.clear()
    assert await run_due_jobs(database, datetime.now(UTC) + timedelta(days=7, minutes=1)) == 1
    assert await deliver_due(database, settings) == 1
    [reminder] = inbox.messages
    assert reminder["To"] == people[1].email and "still waiting for your answer" in reminder["Subject"]
