"""Issue 15's "done when" for schemes, through GraphQL as coordinators and members use it: a 6-month scheme with
eligibility, screening and an agreement; three applications, one declined with a reason; an offer chosen and
accepted; the group shaped by the scheme (contract, 6-month cadence, surveys at 3 and 6 months, evaluation at 7);
the dashboard showing it on cadence, then overdue after a missed meeting, and its CSV holding the same figures."""

import asyncio
import csv
import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from events.tables import OutboxRow
from infra.database import Database
from services.peer_groups.cadence import add_months
from tests.peer_groups.scheme_support import APPLY, DECIDE, choose_and_accept
from tests.peer_groups.support import ACCEPT, CONTRACT, SCHEDULE, network_of, send_due
from tests.support.graphql import Gateway, Member

AGREEMENT = "We meet monthly, online or in person.\nThe mentee sets the agenda.\nWhat is said stays between us."
SCHEME = """mutation($n: ID!, $agreement: String!) { createMentoringScheme(input: {networkId: $n,
  name: "Next leaders", kind: "one_to_one", aims: "Diverse talented people reach senior leaders", months: 6,
  eligibility: ["Part-time workers", "Small organisations"], agreement: $agreement,
  screening: ["What would you like to change in the next six months?"], diversityAims: ["women"]}) { id } }"""
BROWSE = """query($n: ID!) { mentoringSchemes(networkId: $n) { id name aims eligibility kind months agreement
  screening } }"""
MINE = "{ mySchemeApplications { state reason answers { question answer } } }"
WAITING = "query($s: ID!) { schemeApplications(mentoringSchemeId: $s) { id memberId role answers { answer } } }"
OFFER = """mutation($s: ID!) {
  postMentoringOffer(mentoringSchemeId: $s, text: "Leading a small charity through growth") { id } }"""
GROUP = """query($g: ID!) { peerGroup(id: $g) { kind contract { norms }
  cadence { forMonths ends state } members { id role } } }"""
DASHBOARD = """query($n: ID!, $at: DateTime) { coordinatorDashboard(networkId: $n, asOf: $at) { threshold
  programme { scope name groups onTrack unscheduled overdue finished meetingsHeld attendanceRate
  surveyResponseRate goalProgress applicationsWaiting } programmeCsv diversity { aim applied } } }"""
ATTENDANCE = """mutation($m: ID!, $p: [ID!]!) { recordAttendance(meetingId: $m, presentMemberIds: $p) { id } }"""
SURVEYS = "{ mySurveys { months closing } }"


def _apply(member: Member, scheme: str, role: str) -> str:
    answer = f"{member.id} wants to grow"
    return str(member.run(APPLY, s=scheme, role=role, answers=[answer])["applyToScheme"]["id"])


def _row(dashboard: dict[str, Any], scope: str) -> dict[str, Any]:
    rows: list[dict[str, Any]] = [r for r in dashboard["programme"] if r["scope"] == scope]
    [row] = rows
    return row


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _same_figures(dashboard: dict[str, Any]) -> None:
    """Each CSV row holds the dashboard row's figures; a withheld figure is an empty cell."""
    snake = {
        "onTrack": "on_track",
        "meetingsHeld": "meetings_held",
        "attendanceRate": "attendance_rate",
        "surveyResponseRate": "survey_response_rate",
        "goalProgress": "goal_progress",
        "applicationsWaiting": "applications_waiting",
    }
    table = _csv_rows(dashboard["programmeCsv"])
    assert len(table) == len(dashboard["programme"])
    for shown, exported in zip(dashboard["programme"], table, strict=True):
        for key, value in shown.items():
            assert exported[snake.get(key, key)] == ("" if value is None else str(value))


def test_a_six_month_scheme_from_applications_to_an_overdue_group(api: Gateway, database_url: str) -> None:
    host, network, (mira, fay, ida) = network_of(api, "Mira Mentor", "Fay Mentee", "Ida Applicant")
    scheme = host.run(SCHEME, n=network, agreement=AGREEMENT)["createMentoringScheme"]["id"]
    [shown] = fay.run(BROWSE, n=network)["mentoringSchemes"]
    assert shown["months"] == 6 and shown["eligibility"] == ["Part-time workers", "Small organisations"]
    assert shown["agreement"] == AGREEMENT and len(shown["screening"]) == 1

    applying = ((mira, "mentor"), (fay, "mentee"), (ida, "mentee"))
    applications = {who.id: _apply(who, scheme, role) for who, role in applying}
    waiting = host.run(WAITING, s=scheme)["schemeApplications"]
    assert {(a["memberId"], a["role"]) for a in waiting} == {
        (mira.id, "mentor"),
        (fay.id, "mentee"),
        (ida.id, "mentee"),
    }
    assert _row(host.run(DASHBOARD, n=network)["coordinatorDashboard"], "scheme")["applicationsWaiting"] == 3
    why = "This round is for part-time workers; the spring round is open to all."
    assert host.run(DECIDE, a=applications[ida.id], yes=False, why=why)["decideSchemeApplication"]["state"] == (
        "declined"
    )
    assert ida.run(MINE)["mySchemeApplications"] == [
        {
            "state": "declined",
            "reason": why,
            "answers": [{"question": shown["screening"][0], "answer": f"{ida.id} wants to grow"}],
        }
    ]
    for who in (mira, fay):
        assert host.run(DECIDE, a=applications[who.id], yes=True)["decideSchemeApplication"]["state"] == "approved"
    _application_news_reaches_only_applicant_and_coordinators(database_url, applications[ida.id], {ida.id, host.id})

    offer = mira.run(OFFER, s=scheme)["postMentoringOffer"]["id"]
    group = choose_and_accept(fay, mira, offer)
    formed = datetime.now(UTC)
    for member in (mira, fay):
        contract = member.run(CONTRACT, id=group)["peerGroup"]["contract"]
        assert contract["norms"] == AGREEMENT.splitlines()
        member.run(ACCEPT, g=group, v=contract["version"])
    seen = fay.run(GROUP, g=group)["peerGroup"]
    assert seen["kind"] == "one_to_one" and seen["cadence"]["forMonths"] == 6
    assert {m["id"]: m["role"] for m in seen["members"]} == {mira.id: "mentor", fay.id: "mentee"}
    ends = datetime.fromisoformat(seen["cadence"]["ends"])
    assert add_months(formed, 6) - timedelta(minutes=5) < ends <= add_months(formed, 6)

    soon = (datetime.now(UTC) + timedelta(minutes=30)).replace(microsecond=0)
    [meeting] = fay.run(
        SCHEDULE, g=group, at=soon.isoformat(), count=1, mode="online", place="https://meet.example.org/next"
    )["scheduleMeetings"]
    now = host.run(DASHBOARD, n=network)["coordinatorDashboard"]
    assert {k: _row(now, "scheme")[k] for k in ("groups", "onTrack", "overdue", "applicationsWaiting")} == {
        "groups": 1,
        "onTrack": 1,
        "overdue": 0,
        "applicationsWaiting": 0,
    }
    _same_figures(now)

    fay.run(ATTENDANCE, m=meeting["id"], p=[fay.id])  # Mira missed it: fewer than two present, not held
    later = add_months(soon, 2) + timedelta(days=2)
    overdue = host.run(DASHBOARD, n=network, at=later.isoformat())["coordinatorDashboard"]
    for scope in ("scheme", "network"):
        row = _row(overdue, scope)
        assert (row["groups"], row["onTrack"], row["overdue"], row["meetingsHeld"]) == (1, 0, 1, 0)
        assert row["attendanceRate"] is None  # two people behind it: withheld, as in the evaluation
    _same_figures(overdue)

    assert send_due(database_url, add_months(formed, 3) + timedelta(days=1)).surveys_sent == 2
    assert fay.run(SURVEYS)["mySurveys"] == [{"months": 3, "closing": False}]
    assert send_due(database_url, add_months(formed, 6) + timedelta(days=1)).surveys_sent == 2
    # The last is the closing meeting's: the scheme's final questions, feeding the evaluation.
    assert fay.run(SURVEYS)["mySurveys"] == [{"months": 3, "closing": False}, {"months": 6, "closing": True}]
    assert send_due(database_url, add_months(formed, 6) + timedelta(days=20)).evaluations_produced == 0
    assert send_due(database_url, add_months(formed, 7) + timedelta(days=1)).evaluations_produced == 1


def _application_news_reaches_only_applicant_and_coordinators(url: str, application: str, people: set[str]) -> None:
    async def audiences() -> list[list[str]]:
        db = Database(url)
        try:
            async with db.sessions() as session:
                rows = await session.scalars(select(OutboxRow).where(OutboxRow.subject == application))
                return [row.audience for row in rows]
        finally:
            await db.dispose()

    found = asyncio.run(audiences())
    assert len(found) == 2  # made, decided
    assert all(set(keys) == {f"member:{person}" for person in people} for keys in found), json.dumps(found)
