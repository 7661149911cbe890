"""A host creates a network and a local group, invites a member who accepts; members list with their groups."""

from tests.support.graphql import Gateway, Member

CREATE = 'mutation($n: String!) { createNetwork(name: $n, description: "d") { id name } }'
GROUP = (
    'mutation($id: ID!, $n: String!) { createLocalGroup(networkId: $id, name: $n, place: "Leeds",'
    ' practiceAreas: ["hosting"]) { id } }'
)
INVITE = "mutation($id: ID!, $e: String!) { inviteMember(networkId: $id, email: $e) { id email } }"
ACCEPT = "mutation($id: ID!) { acceptInvitation(id: $id) { id } }"
MEMBERS = """query($id: ID!) { network(id: $id) { members(first: 50) { totalCount
  edges { node { name localGroups { name } } } } } }"""


def founded(api: Gateway) -> tuple[Member, str, str]:
    host = api.sign_up("Hana Host")
    network = host.run(CREATE, n="Alumni Network")["createNetwork"]["id"]
    group = host.run(GROUP, id=network, n="Leeds chapter")["createLocalGroup"]["id"]
    return host, network, group


def joined(api: Gateway, host: Member, network: str, name: str) -> Member:
    member = api.sign_up(name)
    host.run(INVITE, id=network, e=member.email)
    invitation = member.run("{ myInvitations { id network { name } } }")["myInvitations"][0]
    member.run(ACCEPT, id=invitation["id"])
    return member


def test_invited_member_joins_and_is_listed_with_groups(api: Gateway) -> None:
    host, network, group = founded(api)
    amara = joined(api, host, network, "Amara Okafor")
    amara.run("mutation($id: ID!) { joinLocalGroup(id: $id) { name } }", id=group)
    members = host.run(MEMBERS, id=network)["network"]["members"]
    listed = {edge["node"]["name"]: edge["node"]["localGroups"] for edge in members["edges"]}
    assert members["totalCount"] == 2
    assert listed == {"Amara Okafor": [{"name": "Leeds chapter"}], "Hana Host": []}


def test_a_stranger_cannot_see_or_edit_a_private_network(api: Gateway) -> None:
    host, network, _ = founded(api)
    stranger = api.sign_up("Sam Stranger")
    assert stranger.run("{ networks { totalCount } }")["networks"]["totalCount"] == 0
    [seen] = stranger.fails(MEMBERS, id=network)
    assert seen["message"] == "No such network."
    [edit] = stranger.fails('mutation($id: ID!) { updateNetwork(id: $id, name: "Mine") { name } }', id=network)
    assert edit["extensions"]["code"] == "NOT_FOUND"
    assert host.run("query($id: ID!) { network(id: $id) { name } }", id=network)["network"]["name"] == "Alumni Network"


def test_a_member_who_is_not_a_host_may_not_edit(api: Gateway) -> None:
    host, network, _ = founded(api)
    member = joined(api, host, network, "Ben Carter")
    [error] = member.fails('mutation($id: ID!) { updateNetwork(id: $id, name: "Mine") { name } }', id=network)
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert "hosts" in error["message"]


def test_join_requests_to_a_public_network_wait_for_a_host(api: Gateway) -> None:
    host = api.sign_up("Hana Host")
    network = host.run('mutation { createNetwork(name: "Open Net", isPublic: true) { id } }')["createNetwork"]["id"]
    applicant = api.sign_up("Chen Wei")
    request = applicant.run(
        'mutation($id: ID!) { requestToJoin(networkId: $id, message: "hello") { id status } }', id=network
    )["requestToJoin"]
    assert request["status"] == "pending"
    applicant.fails(MEMBERS, id=network)
    host.run("mutation($id: ID!) { decideJoinRequest(id: $id, approve: true) { status } }", id=request["id"])
    names = [e["node"]["name"] for e in applicant.run(MEMBERS, id=network)["network"]["members"]["edges"]]
    assert names == ["Chen Wei", "Hana Host"]


def test_invitations_are_for_their_email_only(api: Gateway) -> None:
    host, network, _ = founded(api)
    invited = api.sign_up("Dana Novak")
    other = api.sign_up("Eli Haddad")
    invitation = host.run(INVITE, id=network, e=invited.email)["inviteMember"]
    [error] = other.fails(ACCEPT, id=invitation["id"])
    assert error["extensions"]["code"] == "NOT_FOUND"
    [duplicate] = host.fails(INVITE, id=network, e=invited.email)
    assert "open invitation" in duplicate["message"]


def test_hosts_see_waiting_join_requests_and_their_role(api: Gateway) -> None:
    host = api.sign_up("Hana Host")
    network = host.run('mutation { createNetwork(name: "Open Net", isPublic: true) { id } }')["createNetwork"]["id"]
    applicant = api.sign_up("Chen Wei")
    applicant.run('mutation($id: ID!) { requestToJoin(networkId: $id, message: "hi") { id } }', id=network)
    waiting = host.run("query($id: ID!) { joinRequests(networkId: $id) { message status } }", id=network)
    assert waiting["joinRequests"] == [{"message": "hi", "status": "pending"}]
    [error] = applicant.fails("query($id: ID!) { joinRequests(networkId: $id) { message } }", id=network)
    assert error["extensions"]["code"] == "FORBIDDEN"
    roles = [m.run("query($id: ID!) { network(id: $id) { viewerRole } }", id=network) for m in (host, applicant)]
    assert [r["network"]["viewerRole"] for r in roles] == ["host", None]
