"""Protocol runs step by step and turn by turn: whose turn it is, the facilitator for open steps, own protocols."""

from tests.peer_groups.support import SCHEDULE, accept_all, form, network_of, open_group, soon
from tests.support.graphql import Gateway

START = """mutation($m: ID!, $p: String!, $presenter: ID!) { startProtocolRun(meetingId: $m, protocol: $p,
  presenterId: $presenter) { id version speakerId turnOrder currentStep { title role presenterListensInSilence } } }"""
ADVANCE = """mutation($id: ID!, $v: Int) { advanceProtocolRun(id: $id, atVersion: $v) { version stepIndex speakerId
  turnOrder finished currentStep { title role } fairness { shares { memberId } } } }"""
DEFINE = """mutation($g: ID!) { defineProtocol(peerGroupId: $g, name: "Check-in round", steps: [
  {title: "How I arrive", role: "each_peer", seconds: 60, prompts: ["Right now I'm…"], pitfalls: ["time_hogging"]},
  {title: "Agree the agenda", role: "all", seconds: 300}]) { key name steps { title pitfalls } } }"""


def test_an_incident_round_goes_turn_by_turn_and_the_facilitator_moves_open_steps(api: Gateway) -> None:
    _, _, (amara, ben, chen), group = open_group(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    meeting = amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="phone", place="")["scheduleMeetings"][0]["id"]
    run = chen.run(START, m=meeting, p="incident_round", presenter=ben.id)["startProtocolRun"]
    assert run["speakerId"] == ben.id and run["currentStep"]["title"] == "Presentation"
    state = ben.run(ADVANCE, id=run["id"], v=1)["advanceProtocolRun"]
    assert state["currentStep"] == {"title": "Clarifying questions", "role": "all"} and state["speakerId"] is None
    [not_facilitator] = amara.fails(ADVANCE, id=run["id"], v=2)
    assert not_facilitator["extensions"]["code"] == "FORBIDDEN"
    state = chen.run(ADVANCE, id=run["id"], v=2)["advanceProtocolRun"]
    assert state["currentStep"]["title"] == "Peer feedback" and sorted(state["turnOrder"]) == sorted(
        [amara.id, chen.id]
    )
    first, second = ({amara.id: amara, chen.id: chen}[m] for m in state["turnOrder"])
    [stale] = first.fails(ADVANCE, id=run["id"], v=2)
    assert stale["extensions"]["code"] == "CONFLICT"
    assert first.run(ADVANCE, id=run["id"], v=3)["advanceProtocolRun"]["speakerId"] == second.id
    assert second.run(ADVANCE, id=run["id"], v=4)["advanceProtocolRun"]["currentStep"]["title"] == "Positive feedback"


def test_a_group_defines_its_own_protocol_and_a_mentor_tells_a_veridical_report(api: Gateway) -> None:
    _, network, (mentee, mentor) = network_of(api, "Dana Novak", "Eli Haddad")
    group = form(mentee, network, [], kind="one_to_one", mentor=mentor.id)
    accept_all(group, mentee, mentor)
    meeting = mentee.run(SCHEDULE, g=group, at=soon(3), count=1, mode="online", place="https://v.example.org")
    meeting_id = meeting["scheduleMeetings"][0]["id"]
    own = mentee.run(DEFINE, g=group)["defineProtocol"]
    assert own["steps"][0]["pitfalls"] == ["Keep to your time box: don't take all the time."]
    names = [
        p["name"]
        for p in mentor.run("query($g: ID!) { peerGroup(id: $g) { protocols { name } } }", g=group)["peerGroup"][
            "protocols"
        ]
    ]
    assert names == ["Good News Analysis", "Incident / dilemma round", "Veridical Report", "Check-in round"]
    run = mentee.run(START, m=meeting_id, p="veridical_report", presenter=mentee.id)["startProtocolRun"]
    state = mentee.run(ADVANCE, id=run["id"], v=1)["advanceProtocolRun"]
    assert state["speakerId"] == mentor.id and state["currentStep"]["role"] == "mentor"
    state = mentor.run(ADVANCE, id=run["id"], v=2)["advanceProtocolRun"]
    state = mentee.run(ADVANCE, id=run["id"], v=3)["advanceProtocolRun"]
    assert state["finished"] and {s["memberId"] for s in state["fairness"]["shares"]} == {mentee.id, mentor.id}
    custom = mentor.run(START, m=meeting_id, p=own["key"], presenter=mentor.id)["startProtocolRun"]
    assert custom["turnOrder"] == [mentee.id] and custom["currentStep"]["role"] == "each_peer"
