"""The contract: seed 002's norms by default, editable, accepted by everyone before the space opens to them."""

from tests.peer_groups.support import ACCEPT, CONTRACT, SCHEDULE, accept_all, form, network_of, soon
from tests.support.graphql import Gateway

CHANGE = "mutation($g: ID!, $n: [String!]!) { changeContract(peerGroupId: $g, norms: $n) { contract { version } } }"
SPACE = "query($id: ID!) { peerGroup(id: $id) { meetings { id } } }"


def test_the_space_opens_only_after_accepting_the_current_contract(api: Gateway) -> None:
    _, network, (amara, ben) = network_of(api, "Amara Okafor", "Ben Carter")
    group = form(amara, network, [ben])
    contract = ben.run(CONTRACT, id=group)["peerGroup"]
    assert contract["isOpen"] is False and contract["contract"]["version"] == 1
    assert "We avoid giving advice; we offer our own experience instead." in contract["contract"]["norms"]
    [closed] = ben.fails(SPACE, id=group)
    assert closed["extensions"]["code"] == "FORBIDDEN" and "contract" in closed["message"]
    accept_all(group, amara, ben)
    assert ben.run(SPACE, id=group)["peerGroup"]["meetings"] == []


def test_a_changed_contract_needs_everyone_to_accept_again(api: Gateway) -> None:
    _, network, (amara, ben) = network_of(api, "Amara Okafor", "Ben Carter")
    group = form(amara, network, [ben])
    accept_all(group, amara, ben)
    amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="phone", place="")
    norms = ["Confidential: what is said here stays here.", "We start on time."]
    assert amara.run(CHANGE, g=group, n=norms)["changeContract"]["contract"]["version"] == 2
    for member in (amara, ben):
        state = member.run(CONTRACT, id=group)["peerGroup"]
        assert state["isOpen"] is False and state["contract"]["norms"] == norms
        member.fails(SPACE, id=group)
    [stale] = ben.fails(ACCEPT, g=group, v=1)
    assert stale["extensions"]["code"] == "CONFLICT"
    accept_all(group, amara, ben)
    assert len(ben.run(SPACE, id=group)["peerGroup"]["meetings"]) == 1
    assert ben.run(CONTRACT, id=group)["peerGroup"]["contract"]["acceptedByAll"] is True
