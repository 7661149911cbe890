"""GraphQL over WebSocket with graphql-transport-ws: authenticated in connection_init."""

from tests.support.graphql import Gateway

PROTOCOL = ["graphql-transport-ws"]


def test_a_client_authenticates_in_connection_init(api: Gateway) -> None:
    member = api.sign_up("Amara Okafor")
    with api.http.websocket_connect("/graphql", subprotocols=PROTOCOL) as socket:
        socket.send_json({"type": "connection_init", "payload": {"token": member.token}})
        assert socket.receive_json()["type"] == "connection_ack"
        socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": "{ me { name } }"}})
        assert socket.receive_json() == {
            "id": "1",
            "type": "next",
            "payload": {"data": {"me": {"name": "Amara Okafor"}}},
        }


def test_a_forged_token_is_rejected(api: Gateway) -> None:
    with api.http.websocket_connect("/graphql", subprotocols=PROTOCOL) as socket:
        socket.send_json({"type": "connection_init", "payload": {"token": "forged"}})
        message = socket.receive()
    assert message["type"] == "websocket.close" and message["code"] == 4403


def test_the_legacy_protocol_is_not_served(api: Gateway) -> None:
    with api.http.websocket_connect("/graphql", subprotocols=["graphql-ws"]) as socket:
        message = socket.receive()
    assert message["type"] == "websocket.close"
