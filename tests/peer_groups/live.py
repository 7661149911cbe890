"""A member's client following a protocol run live over GraphQL WebSocket (graphql-transport-ws)."""

from typing import Any

from tests.support.graphql import Gateway, Member

PROTOCOL = ["graphql-transport-ws"]
RUN = """subscription($id: ID!) { protocolRun(id: $id) { id version stepIndex turnIndex speakerId finished
  turnStartedAt currentStep { title role seconds prompts pitfalls presenterListensInSilence }
  fairness { gini maxMinRatio shares { memberId seconds share } } } }"""
MEETING_RUN = "subscription($meetingId: ID!) { meetingRun(meetingId: $meetingId) { id version stepIndex turnIndex } }"


class LiveClient:
    def __init__(self, api: Gateway, member: Member) -> None:
        self.api, self.member, self.serial = api, member, 0

    def __enter__(self) -> "LiveClient":
        self.context = self.api.http.websocket_connect("/graphql", subprotocols=PROTOCOL)
        self.socket = self.context.__enter__()
        self.socket.send_json({"type": "connection_init", "payload": {"token": self.member.token}})
        assert self.socket.receive_json()["type"] == "connection_ack"
        return self

    def __exit__(self, *exc: object) -> None:
        self.context.__exit__(*exc)

    def follow(self, run_id: str) -> dict[str, Any]:
        """Subscribes to the run; returns the state it starts from."""
        return self.subscribe(RUN, {"id": run_id})["protocolRun"]

    def watch_meeting(self, meeting_id: str) -> dict[str, Any] | None:
        """Subscribes to the meeting's running round, as its open page does; returns the round now, or None."""
        return self.subscribe(MEETING_RUN, {"meetingId": meeting_id})["meetingRun"]

    def subscribe(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        """Ends the previous subscription, starts this one and returns its first data."""
        if self.serial:
            self.socket.send_json({"id": str(self.serial), "type": "complete"})
        self.serial += 1
        self.socket.send_json(
            {"id": str(self.serial), "type": "subscribe", "payload": {"query": query, "variables": variables}}
        )
        return self.next_data()

    def next_state(self) -> dict[str, Any]:
        return self.next_data()["protocolRun"]

    def next_data(self) -> dict[str, Any]:
        while True:
            message = self.socket.receive_json()
            if message.get("id") == str(self.serial):
                assert message["type"] == "next", message
                assert not message["payload"].get("errors"), message
                return message["payload"]["data"]
