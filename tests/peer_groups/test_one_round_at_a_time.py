"""A meeting runs one round at a time: a page already open goes live when a member starts it, and a second Start
is refused with a pointer to the running round instead of silently joining it."""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.peer_groups.live import MEETING_RUN, LiveClient
from tests.peer_groups.support import SCHEDULE, open_group, soon
from tests.support.graphql import Gateway, Member

START = """mutation($m: ID!, $p: String!, $presenter: ID!) {
  startProtocolRun(meetingId: $m, protocol: $p, presenterId: $presenter) { id } }"""
RUNS = "query($m: ID!) { meeting(id: $m) { protocolRuns { id presenterId finished } } }"


def test_an_open_meeting_page_goes_live_and_a_second_start_is_refused(api: Gateway) -> None:
    host, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    meeting = amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="online", place="https://meet.example.org/x")
    meeting_id = meeting["scheduleMeetings"][0]["id"]
    with LiveClient(api, ben) as bens_page:
        assert bens_page.watch_meeting(meeting_id) is None
        run = amara.run(START, m=meeting_id, p="good_news_analysis", presenter=amara.id)["startProtocolRun"]
        assert bens_page.next_data()["meetingRun"] == {"id": run["id"], "version": 1, "stepIndex": 0, "turnIndex": 0}
    [refused] = ben.fails(START, m=meeting_id, p="incident_round", presenter=ben.id)
    assert refused["extensions"]["code"] == "CONFLICT"
    assert refused["message"] == "A round is already running: join it."
    assert ben.run(RUNS, m=meeting_id)["meeting"]["protocolRuns"] == [
        {"id": run["id"], "presenterId": amara.id, "finished": False}
    ]
    with LiveClient(api, host) as outsider:
        payload = {"query": MEETING_RUN, "variables": {"meetingId": meeting_id}}
        outsider.socket.send_json({"id": "1", "type": "subscribe", "payload": payload})
        answer = outsider.socket.receive_json()
        assert not (answer.get("payload") or {}).get("data"), answer
        assert "No such meeting." in str(answer["payload"]), answer


def test_two_members_pressing_start_together_start_one_round(api: Gateway) -> None:
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    meeting = amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="online", place="https://meet.example.org/x")
    meeting_id = meeting["scheduleMeetings"][0]["id"]

    def start(who: Member) -> dict[str, Any]:
        return api.post(START, {"m": meeting_id, "p": "good_news_analysis", "presenter": who.id}, who.token)

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(start, (amara, ben)))
    codes = sorted((a.get("errors") or [{"extensions": {"code": "OK"}}])[0]["extensions"]["code"] for a in answers)
    assert codes == ["CONFLICT", "OK"], answers
    assert len(ben.run(RUNS, m=meeting_id)["meeting"]["protocolRuns"]) == 1
