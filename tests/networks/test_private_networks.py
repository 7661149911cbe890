"""A private network is missing to a stranger on every path: the same NotFound as a made-up id, nothing of its name
or description, and the same SQL statements, so neither the answer nor its cost tells hidden from missing."""

import uuid

import pytest

from tests.networks.test_networks_flow import ACCEPT, INVITE
from tests.support.graphql import Gateway, Member
from tests.support.statements import counted

PRIVATE = 'mutation { createNetwork(name: "Hidden Harbour", description: "hidden harbour plans") { id } }'
GROUP = 'mutation($n: ID!) { createLocalGroup(networkId: $n, name: "Harbour Leeds") { id } }'
PUBLIC = 'mutation { createNetwork(name: "Open Commons", isPublic: true) { id } }'
JOIN = 'mutation($n: ID!) { requestToJoin(networkId: $n, message: "let me in") { id } }'
PROPOSE = """mutation($n: ID!, $p: ID!) { proposeNetworkConnection(networkId: $n, partnerNetworkId: $p) {
  id partner { name description } } }"""
# Each path a stranger may point at something of the private network (or a host's business): the document, and
# the kind of id it takes from the world.
PATHS = {
    "network": ("query($id: ID!) { network(id: $id) { name description } }", "network"),
    "practiceAreas": ("query($id: ID!) { practiceAreas(networkId: $id) }", "network"),
    "joinRequests": ("query($id: ID!) { joinRequests(networkId: $id) { id } }", "network"),
    "networkConnections": ("query($id: ID!) { networkConnections(networkId: $id) { id } }", "network"),
    "requestToJoin": ('mutation($id: ID!) { requestToJoin(networkId: $id, message: "hi") { id } }', "network"),
    "localGroup": ("query($id: ID!) { localGroup(id: $id) { name } }", "group"),
    "joinLocalGroup": ("mutation($id: ID!) { joinLocalGroup(id: $id) { name } }", "group"),
    "member": ("query($id: ID!) { member(id: $id) { name } }", "insider"),
    "acceptInvitation": ("mutation($id: ID!) { acceptInvitation(id: $id) { name } }", "invitation"),
    "decideJoinRequest": (
        "mutation($id: ID!) { decideJoinRequest(id: $id, approve: true) { applicantName } }",
        "request",
    ),
    "answerNetworkConnection": (
        "mutation($id: ID!) { answerNetworkConnection(id: $id, accept: true) { status } }",
        "connection",
    ),
}


def _world(api: Gateway) -> tuple[Member, dict[str, str]]:
    """Hana's private network with a local group, an insider, an open invitation and a proposed connection to
    her public network, where an applicant waits; and Olive, a stranger who hosts a network of her own."""
    hana = api.sign_up("Hana Host")
    network = hana.run(PRIVATE)["createNetwork"]["id"]
    group = hana.run(GROUP, n=network)["createLocalGroup"]["id"]
    insider = api.sign_up("Ivy Insider")
    insider.run(ACCEPT, id=hana.run(INVITE, id=network, e=insider.email)["inviteMember"]["id"])
    invitation = hana.run(INVITE, id=network, e="someone@example.org")["inviteMember"]["id"]
    public = hana.run(PUBLIC)["createNetwork"]["id"]
    request = api.sign_up("Apu Applicant").run(JOIN, n=public)["requestToJoin"]["id"]
    connection = hana.run(PROPOSE, n=network, p=public)["proposeNetworkConnection"]["id"]
    olive = api.sign_up("Olive Stranger")
    own = olive.run('mutation { createNetwork(name: "Olive Grove") { id } }')["createNetwork"]["id"]
    ids = {
        "network": network,
        "group": group,
        "insider": insider.id,
        "invitation": invitation,
        "public": public,
        "request": request,
        "connection": connection,
        "own": own,
    }
    return olive, ids


def _answer(api: Gateway, stranger: Member, document: str, ident: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The errors (code, message) the stranger gets, and the statements answering took."""
    with counted(api.http.app.state.runtime.db) as statements:
        body = api.post(document, {"id": ident}, stranger.token)
    assert body.get("data") in (None, {}) or not any((body.get("data") or {}).values()), body
    return [(e["extensions"]["code"], e["message"]) for e in body["errors"]], list(statements)


def test_proposing_to_a_private_network_answers_as_for_a_made_up_one(api: Gateway) -> None:
    olive, ids = _world(api)
    hidden = api.post(PROPOSE, {"n": ids["own"], "p": ids["network"]}, olive.token)
    missing = api.post(PROPOSE, {"n": ids["own"], "p": str(uuid.uuid4())}, olive.token)
    assert "Hidden Harbour" not in str(hidden) and "hidden harbour plans" not in str(hidden)
    assert hidden == missing
    assert [e["extensions"]["code"] for e in missing["errors"]] == ["NOT_FOUND"]


@pytest.mark.parametrize("path", PATHS)
def test_a_stranger_gets_the_same_not_found_the_same_way_for_hidden_and_missing(quiet_api: Gateway, path: str) -> None:
    olive, ids = _world(quiet_api)
    document, kind = PATHS[path]
    hidden_errors, hidden_statements = _answer(quiet_api, olive, document, ids[kind])
    missing_errors, missing_statements = _answer(quiet_api, olive, document, str(uuid.uuid4()))
    assert hidden_errors == missing_errors
    assert [code for code, _ in hidden_errors] == ["NOT_FOUND"]
    assert hidden_statements == missing_statements


def test_listing_networks_shows_a_public_one_without_its_inside_to_a_stranger(api: Gateway) -> None:
    olive, _ = _world(api)
    listed = "{ networks { edges { node { name members { totalCount } localGroups { totalCount } } } } }"
    body = api.post(listed, {}, olive.token)
    names = {edge["node"]["name"]: edge["node"] for edge in body["data"]["networks"]["edges"]}
    assert names.keys() == {"Olive Grove", "Open Commons"}
    assert names["Open Commons"]["members"] is None and names["Olive Grove"]["members"] == {"totalCount": 1}
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
