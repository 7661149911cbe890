"""Live feed items over graphql-transport-ws (embedded mode): pushed to who may see them, and to no one else.
How soon is bench's business (`bench/feeds.py`)."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from starlette.testclient import WebSocketTestSession

from tests.feeds.support import GROUP, member_of, network_with_group
from tests.support.graphql import Gateway, Member
from tests.support.waiting import until

SUBSCRIBE = "subscription { feedItems { kind title reason } }"


@contextmanager
def _subscribed(api: Gateway, member: Member) -> Iterator[WebSocketTestSession]:
    with api.http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket:
        socket.send_json({"type": "connection_init", "payload": {"token": member.token}})
        assert socket.receive_json()["type"] == "connection_ack"
        subscriptions = api.runtime.broadcast.subscriptions
        before = len(subscriptions)
        socket.send_json({"id": "feed", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
        until(lambda: len(subscriptions) > before, "the feed subscription listens")
        yield socket


@pytest.mark.timeout(60)
def test_a_new_local_group_reaches_subscribed_members_and_no_outsider(api: Gateway) -> None:
    hana, north, leeds = network_with_group(api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    amara = member_of(api, hana, north, leeds, "Amara Okafor")
    olive, own, _ = network_with_group(api, "Olive Outsider", "Outsider Network", "Outsider group", [])
    with _subscribed(api, amara) as inside, _subscribed(api, olive) as outside:
        until(api.runtime.broadcast.tailing.is_set, "the live tail reads")
        hana.run(GROUP, n=north, name="York circle", areas=["hosting"])
        message = inside.receive_json()
        olive.run(GROUP, n=own, name="Olive's second group", areas=[])
        seen_outside = [outside.receive_json()["payload"]["data"]["feedItems"]["title"]]
        while seen_outside[-1] != "Olive's second group":
            seen_outside.append(outside.receive_json()["payload"]["data"]["feedItems"]["title"])
    reason = "new local group in Northern Network, also working on hosting"
    assert message["payload"]["data"]["feedItems"] == {"kind": "LOCAL_GROUP", "title": "York circle", "reason": reason}
    # Olive got her own network's new group, pushed after Northern's, and never Northern's.
    assert "York circle" not in seen_outside
