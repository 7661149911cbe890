"""A page of peer groups costs the same SQL statements for one group as for several: each group's contract,
members and cadence come through per-request DataLoaders, batched across the list; so do a group's meetings with
their attendance, and the plans its members share with their goals and check-ins."""

from tests.peer_groups.support import SCHEDULE, accept_all, form, network_of, soon
from tests.support.graphql import Gateway, Member
from tests.support.statements import statements_of as statements

MINE = "{ myPeerGroups { id contract { acceptedByAll } members { name role } cadence { state nextScheduled } } }"
MEETINGS = "query($id: ID!) { peerGroup(id: $id) { meetings { id startsAt attendance { memberId present } } } }"
PLANS = "query($id: ID!) { peerGroup(id: $id) { sharedPlans { id goals { title checkIns { progress } } } } }"
SHARE = 'mutation($n: ID!) { setPlanVisibility(networkId: $n, visibility: "peer_group") { id } }'
GOAL = "mutation($n: ID!, $t: String!) { addGoal(networkId: $n, title: $t) { id } }"
CHECK_IN = "mutation($g: ID!) { checkIn(goalId: $g, progress: 30) { id } }"
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


def test_the_statements_of_a_groups_meetings_do_not_grow_with_its_meetings(quiet_api: Gateway) -> None:
    _, network, (amara, ben) = network_of(quiet_api, "Amara Okafor", "Ben Carter")
    group = form(amara, network, [ben])
    accept_all(group, amara, ben)
    amara.run(SCHEDULE, g=group, at=soon(), count=1, mode="online", place="video call")
    one = statements(quiet_api, ben, MEETINGS, id=group)
    amara.run(SCHEDULE, g=group, at=soon(40), count=4, mode="online", place="video call")
    assert len(ben.run(MEETINGS, id=group)["peerGroup"]["meetings"]) == 5
    assert statements(quiet_api, ben, MEETINGS, id=group) == one


def shared_plan(member: Member, network: str, goals: int) -> None:
    member.run(SHARE, n=network)
    for number in range(goals):
        goal = member.run(GOAL, n=network, t=f"Goal {number}")["addGoal"]["id"]
        member.run(CHECK_IN, g=goal)


def test_the_statements_of_shared_plans_do_not_grow_with_their_goals(quiet_api: Gateway) -> None:
    _, network, (amara, ben, chen) = network_of(quiet_api, "Amara Okafor", "Ben Carter", "Chen Wei")
    group = form(amara, network, [ben, chen])
    accept_all(group, amara, ben, chen)
    shared_plan(amara, network, 1)
    one = statements(quiet_api, chen, PLANS, id=group)
    shared_plan(amara, network, 2)
    shared_plan(ben, network, 3)
    plans = chen.run(PLANS, id=group)["peerGroup"]["sharedPlans"]
    assert sorted(len(plan["goals"]) for plan in plans) == [3, 3]
    assert statements(quiet_api, chen, PLANS, id=group) == one
