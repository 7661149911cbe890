"""A page of peer groups costs the same SQL statements for one group as for several: each group's contract,
members and cadence come through per-request DataLoaders, batched across the list."""

from tests.peer_groups.support import SCHEDULE, accept_all, form, network_of, soon
from tests.support.graphql import Gateway, Member
from tests.support.statements import statements_of as statements

MINE = "{ myPeerGroups { id contract { acceptedByAll } members { name role } cadence { state nextScheduled } } }"
WATCHED = "query($n: ID!) { networkPeerGroups(networkId: $n) { id memberCount cadence { state } } }"


def more_groups(founder: Member, network: str, peer: Member, count: int) -> None:
    for _ in range(count):
        group = form(founder, network, [peer])
        accept_all(group, founder, peer)
        founder.run(SCHEDULE, g=group, at=soon(), count=2, mode="online", place="video call")


def test_the_statements_of_a_groups_page_do_not_grow_with_its_groups(quiet_api: Gateway) -> None:
    api = quiet_api
    host, network, (amara, ben) = network_of(api, "Amara Okafor", "Ben Carter")
    more_groups(amara, network, ben, 1)
    one = statements(api, amara, MINE), statements(api, host, WATCHED, n=network)
    more_groups(amara, network, ben, 4)
    assert len(amara.run(MINE)["myPeerGroups"]) == 5
    assert (statements(api, amara, MINE), statements(api, host, WATCHED, n=network)) == one
