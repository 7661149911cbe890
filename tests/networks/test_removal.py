"""A host removes a member: from that moment the member reads nothing of the network or its local groups, what they
wrote stays for the others, and the record of hosts' acts keeps who removed whom and why. Only hosts may; a
network keeps a host; a refusal changes nothing (issue 20)."""

from tests.knowledge.community import WRITE, community, story
from tests.moderation.support import acts, settle
from tests.support.graphql import Gateway

REMOVE = """mutation($n: ID!, $m: ID!, $r: String!) { removeMember(networkId: $n, memberId: $m, reason: $r) }"""
READ = "query($id: ID!) { story(id: $id) { title } }"
ROLE = "mutation($n: ID!, $m: ID!, $r: String!) { setMemberRole(networkId: $n, memberId: $m, role: $r) }"
MEMBERS = "query($n: ID!) { network(id: $n) { members(first: 50) { edges { node { name } } } } }"


def names(member: object, network: str) -> list[str]:
    edges = member.run(MEMBERS, n=network)["network"]["members"]["edges"]  # type: ignore[attr-defined]
    return sorted(edge["node"]["name"] for edge in edges)


def test_a_removed_member_reads_nothing_more_and_the_record_says_who_removed_them_and_why(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    local = amara.run(WRITE, n=place.network, a=f"local_group:{place.local_group}", s=story(title="Our river walk"))
    wide = amara.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="Open Space notes"))
    his = ben.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="What I learned"))
    for item in (wide, local):
        assert ben.run(READ, id=item["writeStory"]["id"])["story"]
    assert place.host.run(REMOVE, n=place.network, m=ben.id, r="Repeated harassment after two warnings.")
    for item in (wide, local):
        assert ben.fails(READ, id=item["writeStory"]["id"])[0]["extensions"]["code"] == "NOT_FOUND"
    assert ben.fails(MEMBERS, n=place.network)[0]["extensions"]["code"] == "NOT_FOUND"
    assert amara.run(READ, id=his["writeStory"]["id"])["story"]["title"] == "What I learned"
    assert names(amara, place.network) == ["Amara Okafor", "Hana Host"]
    settle(api)
    [act] = acts(place.host, place.network)
    assert act == {
        "actorName": "Hana Host",
        "action": "removed a member",
        "subject": f"member:{ben.id}",
        "detail": "Repeated harassment after two warnings.",
    }


def test_only_hosts_remove_a_network_keeps_a_host_and_a_refusal_changes_nothing(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    refused = amara.fails(REMOVE, n=place.network, m=ben.id, r="I do not like him.")[0]
    assert refused["extensions"]["code"] == "FORBIDDEN"
    alone = place.host.fails(REMOVE, n=place.network, m=place.host.id, r="Leaving.")[0]
    assert alone["message"] == "A network keeps at least one host."
    demoted = place.host.fails(ROLE, n=place.network, m=place.host.id, r="member")[0]
    assert demoted["message"] == "A network keeps at least one host."
    blank = place.host.fails(REMOVE, n=place.network, m=ben.id, r="  ")[0]
    assert blank["extensions"]["code"] == "BAD_USER_INPUT"
    assert names(place.host, place.network) == ["Amara Okafor", "Ben Carter", "Hana Host"]
