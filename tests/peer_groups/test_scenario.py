"""Issue 4's "done when": a group from forming to its 24-month survey, through GraphQL as members use it."""

from datetime import UTC, datetime, timedelta

from services.peer_groups.cadence import add_months
from tests.peer_groups.live import LiveClient
from tests.peer_groups.support import ACCEPT, CONTRACT, SCHEDULE, form, network_of, send_due, soon
from tests.support.graphql import Gateway, Member

ICS_QUERY = "query($id: ID!) { peerGroup(id: $id) { calendar cadence { state nextScheduled } } }"
START = """mutation($m: ID!, $p: String!, $presenter: ID!) {
  startProtocolRun(meetingId: $m, protocol: $p, presenterId: $presenter) { id speakerId version finished } }"""
ADVANCE = "mutation($id: ID!, $v: Int) { advanceProtocolRun(id: $id, atVersion: $v) { version speakerId finished } }"
GOAL = """mutation($n: ID!) { addGoal(networkId: $n, title: "Delegate board preparation",
  milestones: ["Name a deputy", "Deputy runs one board meeting"]) { id } }"""
CHECK_IN = """mutation($g: ID!, $m: ID!) { checkIn(goalId: $g, meetingId: $m, progress: 40,
  reflection: "I held back from rescuing", nextStep: "Let my deputy chair the March meeting") { progress } }"""
SURVEYS = "{ mySurveys { id months answered questions { key kind } } }"
ANSWER = "mutation($id: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(surveyId: $id, answers: $a) { answered } }"
EVALUATIONS = """query($n: ID!) { programmeEvaluations(networkId: $n) { groups respondentsAt24Months
  questions { key months respondents suppressed mean comments } } }"""


def run_through(runner: Member, run: dict, live: list[LiveClient], people: dict[str, Member]) -> dict:
    """Advance the run to its end: each time by whoever has the floor, both clients seeing each new state."""
    state = run
    while not state["finished"]:
        speaker = people[state["speakerId"]] if state["speakerId"] else runner
        state = speaker.run(ADVANCE, id=run["id"], v=state["version"])["advanceProtocolRun"]
        seen = [client.next_state() for client in live]
        assert seen[0] == seen[1] and seen[0]["version"] == state["version"]
    return seen[0]


def answer_all(members: list[Member], months: int) -> None:
    for member in members:
        [survey] = [s for s in member.run(SURVEYS)["mySurveys"] if s["months"] == months]
        answers = [
            {"key": q["key"], "scale": 4} if q["kind"] == "scale" else {"key": q["key"], "text": "Braver."}
            for q in survey["questions"]
        ]
        assert member.run(ANSWER, id=survey["id"], a=answers)["answerSurvey"]["answered"] is True


def test_a_group_from_forming_to_its_24_month_survey(api: Gateway, database_url: str) -> None:
    host, network, (amara, ben, chen) = network_of(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    group = form(amara, network, [ben, chen])
    for member in (amara, ben, chen):
        contract = member.run(CONTRACT, id=group)["peerGroup"]["contract"]
        assert "It is OK to make mistakes." in contract["norms"]
        member.run(ACCEPT, g=group, v=contract["version"])
    meetings = amara.run(SCHEDULE, g=group, at=soon(), count=6, mode="online", place="https://meet.example.org/tue")
    assert len(meetings["scheduleMeetings"]) == 6
    shown = ben.run(ICS_QUERY, id=group)["peerGroup"]
    assert shown["calendar"].count("BEGIN:VEVENT") == 6 and shown["cadence"]["state"] == "on_track"
    ics = api.http.get(f"/peer-groups/{group}/meetings.ics", headers={"authorization": f"Bearer {chen.token}"})
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.startswith("BEGIN:VCALENDAR\r\n") and ics.text.count("UID:") == 6

    first = meetings["scheduleMeetings"][0]["id"]
    people = {m.id: m for m in (amara, ben, chen)}
    with LiveClient(api, ben) as ben_screen, LiveClient(api, chen) as chen_screen:
        for protocol, presenter in (("good_news_analysis", amara), ("incident_round", ben)):
            run = amara.run(START, m=first, p=protocol, presenter=presenter.id)["startProtocolRun"]
            ben_screen.follow(run["id"]), chen_screen.follow(run["id"])
            end = run_through(amara, run, [ben_screen, chen_screen], people)
            assert end["finished"] and {s["memberId"] for s in end["fairness"]["shares"]} == set(people)

    goal = amara.run(GOAL, n=network)["addGoal"]["id"]
    assert amara.run(CHECK_IN, g=goal, m=first)["checkIn"]["progress"] == 40

    started = datetime.now(UTC)
    assert send_due(database_url, add_months(started, 12) + timedelta(days=1)).surveys_sent == 3
    answer_all([amara, ben, chen], 12)
    assert send_due(database_url, add_months(started, 24) + timedelta(days=1)).surveys_sent == 3
    answer_all([amara, ben, chen], 24)
    produced = send_due(database_url, add_months(started, 25) + timedelta(days=1))
    assert produced.evaluations_produced == 1
    [evaluation] = host.run(EVALUATIONS, n=network)["programmeEvaluations"]
    assert evaluation["groups"] == 1 and evaluation["respondentsAt24Months"] == 3
    # Three respondents: every cell is below the threshold of five, so nothing individual shows.
    assert all(q["suppressed"] and q["mean"] is None and q["comments"] is None for q in evaluation["questions"])
