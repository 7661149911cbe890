"""A scheme's programme while it runs: a relationship ended early, without blame, and re-matched; first-meeting
preparations that stay in the group; the dashboard showing rates once five people stand behind them, per local
group too, and diversity by outcome withheld under five."""

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from events.tables import OutboxRow
from infra.database import Database
from tests.peer_groups.scheme_support import choose_and_accept, join_scheme
from tests.peer_groups.support import SCHEDULE, accept_all, network_of
from tests.support.graphql import Gateway

SCHEME = """mutation($n: ID!, $kind: String!) { createMentoringScheme(input: {networkId: $n, name: "Rising",
  kind: $kind, months: 12, diversityAims: ["women", "disabled people"]}) { id } }"""
OFFER = 'mutation($s: ID!) { postMentoringOffer(mentoringSchemeId: $s, text: "Board governance, gently") { id } }'
END = "mutation($g: ID!) { endMentoring(peerGroupId: $g) { cadence { state } } }"
OFFERS = "query($s: ID!) { mentoringOffers(mentoringSchemeId: $s) { id taken } }"
SUGGEST = "query($s: ID!) { suggestedMatches(mentoringSchemeId: $s) { menteeId mentorId } }"
PREPARE = """mutation($g: ID!) { prepareFirstMeeting(peerGroupId: $g, expectations: "Honest feedback on my pitch",
  goals: "Chair a board meeting by spring", howToMeet: "Monthly, online, Tuesday evenings") { memberId } }"""
PREPARED = "query($g: ID!) { firstMeetingPreparations(peerGroupId: $g) { memberId goals } }"
MATCH = """mutation($s: ID!, $m: ID!, $e: [ID!]!) {
  matchMentoring(mentoringSchemeId: $s, mentorId: $m, menteeIds: $e) { id } }"""
ATTENDANCE = "mutation($m: ID!, $p: [ID!]!) { recordAttendance(meetingId: $m, presentMemberIds: $p) { id } }"
LOCAL = """mutation($n: ID!) { createLocalGroup(networkId: $n, name: "Leeds", place: "Leeds", description: "",
  practiceAreas: []) { id } }"""
JOIN_LOCAL = "mutation($id: ID!) { joinLocalGroup(id: $id) { id } }"
DASHBOARD = """query($n: ID!, $at: DateTime) { coordinatorDashboard(networkId: $n, asOf: $at) { programme { scope name
  groups meetingsHeld attendanceRate } diversity { aim applied approved matched } diversityCsv } }"""


def _outbox(url: str, event_type: str) -> list[dict[str, Any]]:
    async def read() -> list[dict[str, Any]]:
        db = Database(url)
        try:
            async with db.sessions() as session:
                return [
                    row.data for row in await session.scalars(select(OutboxRow).where(OutboxRow.type == event_type))
                ]
        finally:
            await db.dispose()

    return asyncio.run(read())


def test_a_relationship_ends_without_blame_and_the_mentee_is_matched_again(api: Gateway, database_url: str) -> None:
    host, network, (mira, omar, fay) = network_of(api, "Mira Mentor", "Omar Mentor", "Fay Mentee")
    scheme = host.run(SCHEME, n=network, kind="one_to_one")["createMentoringScheme"]["id"]
    for who, role in ((mira, "mentor"), (omar, "mentor"), (fay, "mentee")):
        join_scheme(host, who, scheme, role)
    first, second = (
        mira.run(OFFER, s=scheme)["postMentoringOffer"]["id"],
        omar.run(OFFER, s=scheme)["postMentoringOffer"]["id"],
    )
    group = choose_and_accept(fay, mira, first)
    accept_all(group, mira, fay)
    assert host.run(SUGGEST, s=scheme)["suggestedMatches"] == []
    assert fay.run(END, g=group)["endMentoring"]["cadence"]["state"] == "finished"
    [ended] = _outbox(database_url, "peer_groups.mentoring.ended")
    assert ended == {"group_id": group, "scheme_id": scheme}  # nobody named, no reason
    assert {o["id"]: o["taken"] for o in fay.run(OFFERS, s=scheme)["mentoringOffers"]} == {first: 0, second: 0}
    assert {s["menteeId"] for s in host.run(SUGGEST, s=scheme)["suggestedMatches"]} == {fay.id}
    again = choose_and_accept(fay, omar, second)
    assert again != group
    [error] = mira.fails(END, g=group)
    assert error["extensions"]["code"] == "CONFLICT"


def test_first_meeting_preparations_stay_in_the_group(api: Gateway, database_url: str) -> None:
    host, network, (mira, fay) = network_of(api, "Mira Mentor", "Fay Mentee")
    scheme = host.run(SCHEME, n=network, kind="one_to_one")["createMentoringScheme"]["id"]
    for who, role in ((mira, "mentor"), (fay, "mentee")):
        join_scheme(host, who, scheme, role)
    group = choose_and_accept(fay, mira, mira.run(OFFER, s=scheme)["postMentoringOffer"]["id"])
    [closed] = fay.fails(PREPARE, g=group)  # the agreement first
    assert closed["extensions"]["code"] == "FORBIDDEN"
    accept_all(group, mira, fay)
    assert fay.run(PREPARE, g=group)["prepareFirstMeeting"]["memberId"] == fay.id
    assert mira.run(PREPARED, g=group)["firstMeetingPreparations"] == [
        {"memberId": fay.id, "goals": "Chair a board meeting by spring"}
    ]
    assert host.run(PREPARED, g=group)["firstMeetingPreparations"] == []
    assert "board" not in json.dumps(_outbox(database_url, "peer_groups.preparation.completed"))


def test_the_dashboard_shows_rates_behind_five_people_and_withholds_smaller_cells(api: Gateway) -> None:
    names = ("Mira Mentor", "Ana Mentee", "Bo Mentee", "Cy Mentee", "Di Mentee", "Ed Mentee")
    host, network, (mira, *mentees) = network_of(api, *names)
    scheme = host.run(SCHEME, n=network, kind="mentoring_circle")["createMentoringScheme"]["id"]
    join_scheme(host, mira, scheme, "mentor")
    for mentee in mentees:
        join_scheme(host, mentee, scheme, "mentee", who=["women"])
    circle = host.run(MATCH, s=scheme, m=mira.id, e=[m.id for m in mentees])["matchMentoring"]["id"]
    accept_all(circle, mira, *mentees)
    leeds = host.run(LOCAL, n=network)["createLocalGroup"]["id"]
    mentees[0].run(JOIN_LOCAL, id=leeds)
    soon = (datetime.now(UTC) + timedelta(minutes=30)).replace(microsecond=0)
    [meeting] = mira.run(SCHEDULE, g=circle, at=soon.isoformat(), count=1, mode="phone", place="")["scheduleMeetings"]
    mira.run(ATTENDANCE, m=meeting["id"], p=[mira.id, *(m.id for m in mentees[:3])])
    board = host.run(DASHBOARD, n=network, at=(soon + timedelta(hours=2)).isoformat())["coordinatorDashboard"]
    rows = {(r["scope"], r["name"]): r for r in board["programme"]}
    for key in (("scheme", "Rising"), ("network", "Leadership Alumni"), ("local_group", "Leeds")):
        assert rows[key] == {"scope": key[0], "name": key[1], "groups": 1, "meetingsHeld": 1, "attendanceRate": 66.7}
    assert board["diversity"] == [
        {"aim": "women", "applied": 5, "approved": 5, "matched": 5},
        {"aim": "disabled people", "applied": None, "approved": None, "matched": None},
    ]
    assert board["diversityCsv"].splitlines() == [
        "scheme,aim,applied,approved,matched",
        "Rising,women,5,5,5",
        "Rising,disabled people,,,",
    ]
