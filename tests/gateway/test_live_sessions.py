"""Subscriptions live no longer than the session and the access they were opened with, over a real WebSocket."""

import json
from typing import Any

import pytest
from starlette.testclient import WebSocketTestSession

from tests.feeds.support import GROUP, member_of, network_with_group
from tests.peer_groups.live import PROTOCOL, LiveClient
from tests.peer_groups.support import SCHEDULE, open_group, soon
from tests.support.graphql import PASSWORD, Gateway, Member

START = """mutation($m: ID!, $p: String!, $presenter: ID!) {
  startProtocolRun(meetingId: $m, protocol: $p, presenterId: $presenter) { id } }"""
ADVANCE = "mutation($id: ID!, $v: Int) { advanceProtocolRun(id: $id, atVersion: $v) { version } }"
CHANGE_PASSWORD = """mutation($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n, forApi: true) { token } }"""
LEAVE = "mutation($g: ID!) { leavePeerGroup(peerGroupId: $g) }"
FEED_ITEMS = "subscription { feedItems { title } }"


def _nothing_more_then_closed(socket: WebSocketTestSession) -> int:
    """Reads until the server closes the socket, failing on any data delivered meanwhile; the close code."""
    while True:
        message = socket.receive()
        if message["type"] == "websocket.close":
            return message["code"]
        assert not (json.loads(message["text"]).get("payload") or {}).get("data"), message


def _running(api: Gateway) -> tuple[Member, Member, str, dict[str, Any]]:
    """Amara runs a protocol in her open peer group; Ben follows it live."""
    _, _, (amara, ben), group = open_group(api, "Amara Okafor", "Ben Carter")
    meeting = amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="online", place="https://meet.example.org/x")
    run = amara.run(START, m=meeting["scheduleMeetings"][0]["id"], p="good_news_analysis", presenter=amara.id)
    return amara, ben, group, run["startProtocolRun"]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("ending", ["sign out", "change password"])
def test_a_run_followed_live_stops_when_its_session_ends(api: Gateway, ending: str) -> None:
    amara, ben, _, run = _running(api)
    with LiveClient(api, ben) as screen:
        version = screen.follow(run["id"])["version"]
        if ending == "sign out":
            assert ben.run("mutation { signOut }")["signOut"] is True
        else:
            ben.run(CHANGE_PASSWORD, c=PASSWORD, n="another long enough password")
        amara.run(ADVANCE, id=run["id"], v=version)
        assert _nothing_more_then_closed(screen.socket) == 4401


@pytest.mark.timeout(120)
def test_a_run_followed_live_ends_when_its_member_leaves_the_group(api: Gateway) -> None:
    _, ben, group, run = _running(api)
    with LiveClient(api, ben) as screen:
        screen.follow(run["id"])
        ben.run(LEAVE, g=group)
        # Without any change to the run, the subscription ends with a refusal and no state.
        message = screen.socket.receive_json()
    assert message["id"] == str(screen.serial) and not (message.get("payload") or {}).get("data")
    assert message["type"] == "error" or message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"


@pytest.mark.timeout(120)
def test_feed_items_stop_when_the_session_signs_out(api: Gateway) -> None:
    hana, north, leeds = network_with_group(api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    amara = member_of(api, hana, north, leeds, "Amara Okafor")
    with api.http.websocket_connect("/graphql", subprotocols=PROTOCOL) as socket:
        socket.send_json({"type": "connection_init", "payload": {"token": amara.token}})
        assert socket.receive_json()["type"] == "connection_ack"
        socket.send_json({"id": "feed", "type": "subscribe", "payload": {"query": FEED_ITEMS}})
        # Delivered once: the subscription is in place.
        hana.run(GROUP, n=north, name="York circle", areas=["hosting"])
        assert socket.receive_json()["payload"]["data"]["feedItems"]["title"] == "York circle"
        amara.run("mutation { signOut }")
        hana.run(GROUP, n=north, name="Hull circle", areas=["hosting"])
        assert _nothing_more_then_closed(socket) == 4401
