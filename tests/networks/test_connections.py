"""Networks connect when a host of one proposes and a host of the other accepts; both networks hear of it.

A host proposes to networks they can see: public ones, or private ones they belong to.
"""

from infra.settings import Settings
from tests.knowledge.community import recorded
from tests.networks.test_networks_flow import founded, joined
from tests.support.graphql import Gateway

PROPOSE = """mutation($n: ID!, $p: ID!) { proposeNetworkConnection(networkId: $n, partnerNetworkId: $p) {
  id status proposer { name } partner { name } } }"""
ANSWER = "mutation($id: ID!, $a: Boolean!) { answerNetworkConnection(id: $id, accept: $a) { status } }"
CONNECTED = "query($id: ID!) { network(id: $id) { connectedNetworks { name } } }"


def test_two_hosts_connect_their_networks(api: Gateway, settings: Settings) -> None:
    leeds_host, leeds, _ = founded(api)
    bristol_host = api.sign_up("Bo Host")
    bristol = bristol_host.run('mutation { createNetwork(name: "Bristol Alumni", isPublic: true) { id } }')[
        "createNetwork"
    ]["id"]
    member = joined(api, bristol_host, bristol, "Ben Carter")
    proposal = leeds_host.run(PROPOSE, n=leeds, p=bristol)["proposeNetworkConnection"]
    assert proposal["status"] == "proposed" and proposal["partner"]["name"] == "Bristol Alumni"
    assert member.fails(ANSWER, id=proposal["id"], a=True)[0]["message"] == "No such network connection."
    assert leeds_host.fails(ANSWER, id=proposal["id"], a=True)[0]["extensions"]["code"] == "FORBIDDEN"
    assert leeds_host.fails(PROPOSE, n=leeds, p=bristol)[0]["extensions"]["code"] == "CONFLICT"
    assert member.run(CONNECTED, id=bristol)["network"]["connectedNetworks"] == []

    assert bristol_host.run(ANSWER, id=proposal["id"], a=True)["answerNetworkConnection"]["status"] == "accepted"
    assert member.run(CONNECTED, id=bristol)["network"]["connectedNetworks"] == [{"name": "Alumni Network"}]
    assert leeds_host.run(CONNECTED, id=leeds)["network"]["connectedNetworks"] == [{"name": "Bristol Alumni"}]
    made = recorded(settings, "networks.connection.made")
    assert [sorted(row.audience) for row in made] == [sorted([f"network:{leeds}", f"network:{bristol}"])]


def test_only_hosts_propose_and_a_declined_proposal_may_be_made_again(api: Gateway) -> None:
    host, network, _ = founded(api)
    member = joined(api, host, network, "Amara Okafor")
    other_host = api.sign_up("Olu Host")
    other = other_host.run('mutation { createNetwork(name: "Other", isPublic: true) { id } }')["createNetwork"]["id"]
    assert member.fails(PROPOSE, n=network, p=other)[0]["extensions"]["code"] == "FORBIDDEN"
    assert other_host.fails(PROPOSE, n=network, p=other)[0]["message"] == "No such network."
    first = host.run(PROPOSE, n=network, p=other)["proposeNetworkConnection"]["id"]
    other_host.run(ANSWER, id=first, a=False)
    again = host.run(PROPOSE, n=network, p=other)["proposeNetworkConnection"]
    assert again["status"] == "proposed"
    listed = other_host.run("query($n: ID!) { networkConnections(networkId: $n) { status } }", n=other)
    assert listed["networkConnections"] == [{"status": "proposed"}]
