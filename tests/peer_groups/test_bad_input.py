"""The issue's bad input: each gets a clear error and changes nothing."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from infra.database import Database
from services.peer_groups.cadence import add_months
from services.peer_groups.tables import SurveyResponse
from tests.peer_groups.support import SCHEDULE, at, open_group, send_due, soon
from tests.support.graphql import Gateway

ADD = "mutation($g: ID!, $m: ID!) { proposePeerGroupMember(peerGroupId: $g, memberId: $m) { state } }"
MEMBERS = "query($id: ID!) { peerGroup(id: $id) { members { name } meetings { id } } }"
START = """mutation($m: ID!, $p: ID!) { startProtocolRun(meetingId: $m, protocol: "incident_round", presenterId: $p)
  { id version speakerId } }"""
ADVANCE = "mutation($id: ID!) { advanceProtocolRun(id: $id) { version } }"
ANSWER = "mutation($id: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(surveyId: $id, answers: $a) { answered } }"
RUN = "query($id: ID!) { protocolRun(id: $id) { version stepIndex turns { seconds } } }"


def test_a_fourth_member_in_a_peer_group_is_refused(api: Gateway) -> None:
    host, network, (amara, ben, _), group = open_group(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    dana = api.sign_up("Dana Novak")
    dana.run(
        "mutation($id: ID!) { acceptInvitation(id: $id) { id } }",
        id=host.run(
            "mutation($n: ID!, $e: String!) { inviteMember(networkId: $n, email: $e) { id } }", n=network, e=dana.email
        )["inviteMember"]["id"],
    )
    [error] = amara.fails(ADD, g=group, m=dana.id)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == "A peer group (2-3 peers, all equals) holds at most 3 peers; it is full."
    assert len(ben.run(MEMBERS, id=group)["peerGroup"]["members"]) == 3
    assert dana.run("{ myPeerGroups { id } }")["myPeerGroups"] == []


def test_a_step_advanced_by_someone_whose_turn_it_is_not(api: Gateway) -> None:
    _, _, (amara, ben, chen), group = open_group(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    meeting = amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="phone", place="")["scheduleMeetings"][0]["id"]
    run = amara.run(START, m=meeting, p=ben.id)["startProtocolRun"]
    assert run["speakerId"] == ben.id  # the presenter has the floor
    for intruder in (amara, chen):
        [error] = intruder.fails(ADVANCE, id=run["id"])
        assert error["extensions"]["code"] == "FORBIDDEN" and "not your turn" in error["message"]
    state = chen.run(RUN, id=run["id"])["protocolRun"]
    assert state == {"version": 1, "stepIndex": 0, "turns": []}


def test_a_meeting_in_the_past_is_refused(api: Gateway) -> None:
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    [error] = amara.fails(SCHEDULE, g=group, at=past, count=3, mode="in_person", place="Leeds Civic Hall")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == "A meeting can't be scheduled in the past."
    assert ben.run(MEMBERS, id=group)["peerGroup"]["meetings"] == []


def test_a_survey_answered_twice_is_refused(api: Gateway, database_url: str) -> None:
    _, _, (amara, ben), _ = open_group(api, "Amara Okafor", "Ben Carter")
    send_due(database_url, add_months(datetime.now(UTC), 12) + timedelta(hours=1))
    [survey] = amara.run("{ mySurveys { id } }")["mySurveys"]
    answers = [{"key": k, "scale": 5} for k in ("feel_different", "objectives", "support")]
    amara.run(ANSWER, id=survey["id"], a=answers)
    [error] = amara.fails(ANSWER, id=survey["id"], a=answers)
    assert error["extensions"]["code"] == "CONFLICT"
    assert error["message"] == "You answered this survey already; each survey is answered once."
    [theirs] = ben.fails(ANSWER, id=survey["id"], a=answers)
    assert theirs["message"] == "No such survey."
    assert at(database_url, _responses) == 1


async def _responses(db: Database) -> int:
    async with db.sessions() as session:
        return await session.scalar(select(func.count()).select_from(SurveyResponse)) or 0
