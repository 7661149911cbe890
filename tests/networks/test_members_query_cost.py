"""Listing 50 members with their local groups costs a bounded number of SQL statements (DataLoaders batch)."""

from tests.networks.test_networks_flow import GROUP, MEMBERS, founded, joined
from tests.support.graphql import Gateway
from tests.support.statements import counted


def members_with_groups(api: Gateway, size: int) -> int:
    host, network, _ = founded(api)
    groups = [host.run(GROUP, id=network, n=f"Group {i}")["createLocalGroup"]["id"] for i in range(3)]
    members = [joined(api, host, network, f"Member {i:02}") for i in range(size - 1)]
    for index, member in enumerate(members):
        member.run("mutation($id: ID!) { joinLocalGroup(id: $id) { id } }", id=groups[index % len(groups)])
    with counted(api.http.app.state.runtime.db) as statements:
        listed = host.run(MEMBERS, id=network)["network"]["members"]
    assert listed["totalCount"] == size
    assert sum(len(edge["node"]["localGroups"]) for edge in listed["edges"]) == size - 1
    return len(statements)


def test_fifty_members_with_their_groups_cost_a_bounded_number_of_statements(api: Gateway) -> None:
    # viewer and audiences (3: account, networks, peer groups), network visibility (2), members page and
    # count (2), local groups of all members (1)
    statements = members_with_groups(api, 50)
    assert statements <= 9, f"{statements} statements for 50 members"
