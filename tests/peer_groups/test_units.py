"""The parts members rely on without seeing: the .ics text, the cadence rule, the fairness measure."""

from datetime import UTC, datetime, timedelta

from services.peer_groups.cadence import HeldMeeting, add_months, cadence_status
from services.peer_groups.calendar import calendar
from services.peer_groups.fairness import fairness
from services.peer_groups.tables import Meeting, PeerGroup

START = datetime(2025, 1, 31, 9, 0, tzinfo=UTC)


def _group() -> PeerGroup:
    return PeerGroup(id="g1", name="Leeds; peers, and friends", started_at=START, every_months=2, for_months=24)


def test_ics_has_crlf_lines_escaped_text_uids_and_folding() -> None:
    place = "Civic Hall, Room 4; ask at the desk\nthen second floor " + "é" * 60
    meeting = Meeting(id="m1", starts_at=START + timedelta(days=3), minutes=90, mode="in_person", place=place)
    text = calendar(_group(), [meeting], START)
    lines = text.split("\r\n")
    assert text.endswith("END:VCALENDAR\r\n") and "\n" not in text.replace("\r\n", "")
    assert "UID:m1@practice-commons" in lines and "DTSTAMP:20250131T090000Z" in lines
    assert "DTSTART:20250203T090000Z" in lines and "DTEND:20250203T103000Z" in lines
    assert "SUMMARY:Leeds\\; peers\\, and friends - peer mentoring meeting" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "LOCATION:Civic Hall\\, Room 4\\; ask at the desk\\nthen second floor " + "é" * 60 in unfolded


def test_cadence_is_broken_when_two_months_pass_without_a_meeting() -> None:
    group = _group()
    assert add_months(START, 1) == datetime(2025, 2, 28, 9, 0, tzinfo=UTC)
    met = [HeldMeeting(START + timedelta(days=20), None)]
    assert cadence_status(group, met, START + timedelta(days=30)).state == "unscheduled"
    planned = [*met, HeldMeeting(START + timedelta(days=60), None)]
    assert cadence_status(group, planned, START + timedelta(days=30)).state == "on_track"
    late = cadence_status(group, met, START + timedelta(days=90))
    assert late.overdue and late.last_met == START + timedelta(days=20)
    nobody_came = [HeldMeeting(START + timedelta(days=20), 1)]
    assert cadence_status(group, nobody_came, START + timedelta(days=62)).state == "overdue"
    assert cadence_status(group, met, add_months(START, 24)).state == "finished"


def test_fairness_counts_silence_and_spots_one_person_taking_the_time() -> None:
    even = fairness([("a", 120), ("b", 120), ("c", 120)], ["a", "b", "c"])
    assert even.gini == 0 and even.max_min_ratio == 1
    hogged = fairness([("a", 600), ("b", 60), (None, 300)], ["a", "b", "c"])
    assert hogged.seconds == {"a": 600, "b": 60, "c": 0} and hogged.max_min_ratio is None
    assert hogged.shares["a"] == 0.909 and hogged.gini > 0.5
