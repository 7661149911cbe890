"""A non-member gets nothing of a group: not by id, not through nested fields, not in errors, not in events."""

import asyncio
import json
import uuid

from sqlalchemy import select

from events.tables import OutboxRow
from infra.database import Database
from tests.peer_groups.live import PROTOCOL, RUN
from tests.peer_groups.support import SCHEDULE, open_group, soon
from tests.support.graphql import Gateway, Member

SECRET = "Tomasz's restructuring is about to be announced"
NOTES = "mutation($m: ID!, $t: String!) { writeMeetingNotes(meetingId: $m, notes: $t) { id } }"
START = """mutation($m: ID!, $p: ID!) {
  startProtocolRun(meetingId: $m, protocol: "good_news_analysis", presenterId: $p) { id } }"""
PROBES = {
    "PeerGroup": "query($id: ID!) { peerGroup(id: $id) { name contract { norms } meetings { notes } calendar } }",
    "Meeting": "query($id: ID!) { meeting(id: $id) { notes protocolRuns { id } calendar } }",
    "ProtocolRun": "query($id: ID!) { protocolRun(id: $id) { protocolName speakerId } }",
    "DevelopmentPlan": "query($id: ID!) { developmentPlan(id: $id) { goals { title } } }",
    "notes": 'mutation($id: ID!) { writeMeetingNotes(meetingId: $id, notes: "mine now") { notes } }',
    "advance": "mutation($id: ID!) { advanceProtocolRun(id: $id) { version } }",
    "accept": "mutation($id: ID!) { acceptContract(peerGroupId: $id, version: 1) { isOpen } }",
}
TARGET = {"notes": "Meeting", "advance": "ProtocolRun", "accept": "PeerGroup"}


def _fingerprint(errors: list[dict]) -> list[tuple[str, str]]:
    return [(e["extensions"]["code"], e["message"]) for e in errors]


def _outsiders_see_nothing(api: Gateway, outsider: Member, ids: dict[str, str]) -> None:
    for name, query in PROBES.items():
        real = api.post(query, {"id": ids[TARGET.get(name, name)]}, outsider.token)
        made_up = api.post(query, {"id": str(uuid.uuid4())}, outsider.token)
        assert real["data"] is None and _fingerprint(real["errors"]) == _fingerprint(made_up["errors"]), name
        assert real["errors"][0]["extensions"]["code"] == "NOT_FOUND" and SECRET not in json.dumps(real)
    assert outsider.run("{ myPeerGroups { id } }") == {"myPeerGroups": []}
    ics = api.http.get(
        f"/peer-groups/{ids['PeerGroup']}/meetings.ics", headers={"authorization": f"Bearer {outsider.token}"}
    )
    assert ics.status_code == 404 and ics.json() == {"error": "No such peer group."}


def test_non_members_and_coordinators_get_nothing_of_what_is_said(api: Gateway, database_url: str) -> None:
    host, network, (amara, ben, colleague), group = open_group(api, "Amara Okafor", "Ben Carter", "Cleo Colleague")
    colleague.run("mutation($g: ID!) { leavePeerGroup(peerGroupId: $g) }", g=group)
    meeting = amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="in_person", place="Leeds")["scheduleMeetings"][0]
    amara.run(NOTES, m=meeting["id"], t=SECRET)
    run = amara.run(START, m=meeting["id"], p=ben.id)["startProtocolRun"]["id"]
    amara.run('mutation($n: ID!) { setPlanVisibility(networkId: $n, visibility: "peer_group") { id } }', n=network)
    plan = amara.run('mutation($n: ID!) { addGoal(networkId: $n, title: "Lead the merger well") { id } }', n=network)
    plan_id = amara.run("query($n: ID!) { myDevelopmentPlan(networkId: $n) { id } }", n=network)["myDevelopmentPlan"]
    ids = {"PeerGroup": group, "Meeting": meeting["id"], "ProtocolRun": run, "DevelopmentPlan": plan_id["id"]}
    assert plan["addGoal"]["id"] and ben.run(PROBES["DevelopmentPlan"], id=plan_id["id"])["developmentPlan"]["goals"]
    stranger = api.sign_up("Sam Stranger")
    for outsider in (colleague, host, stranger):
        _outsiders_see_nothing(api, outsider, ids)
    # The coordinator sees that the group keeps meeting, and nothing said in it.
    overview = host.run(
        "query($n: ID!) { networkPeerGroups(networkId: $n) { id memberCount cadence { state } } }", n=network
    )
    assert overview["networkPeerGroups"] == [{"id": group, "memberCount": 2, "cadence": {"state": "on_track"}}]
    _live_refused(api, colleague, run)
    _events_stay_in_the_group(database_url, group)


def _live_refused(api: Gateway, outsider: Member, run: str) -> None:
    with api.http.websocket_connect("/graphql", subprotocols=PROTOCOL) as socket:
        socket.send_json({"type": "connection_init", "payload": {"token": outsider.token}})
        socket.receive_json()
        socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": RUN, "variables": {"id": run}}})
        message = socket.receive_json()
    assert message["type"] == "next" and message["payload"]["data"] is None
    assert _fingerprint(message["payload"]["errors"]) == [("NOT_FOUND", "No such protocol run.")]


def _events_stay_in_the_group(database_url: str, group: str) -> None:
    async def rows() -> list[OutboxRow]:
        db = Database(database_url)
        try:
            async with db.sessions() as session:
                return list(await session.scalars(select(OutboxRow).where(OutboxRow.type.startswith("peer_groups."))))
        finally:
            await db.dispose()

    found = asyncio.run(rows())
    wanted = {"group.changed", "meeting.scheduled", "protocol_run.changed", "contract.accepted"}
    assert {row.type for row in found} >= {f"peer_groups.{kind}" for kind in wanted}
    assert all(row.audience == [f"peer_group:{group}"] for row in found)
    assert SECRET not in json.dumps([row.data for row in found])
