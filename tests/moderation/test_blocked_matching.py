"""Blocked members are never matched: the coordinator's suggestions leave the pair out, matching them is refused,
and neither may seat the other in a group they form; nobody is told who blocked whom."""

from tests.moderation.support import BLOCK
from tests.peer_groups.scheme_support import join_scheme
from tests.peer_groups.support import network_of
from tests.peer_groups.test_matching import MATCH, SCHEME, SUGGEST
from tests.support.graphql import Gateway

FORM = """mutation($n: ID!, $m: [ID!]!) { formPeerGroup(networkId: $n, kind: "co_mentoring_pair", name: "Pair",
  memberIds: $m) { id } }"""


def test_a_blocked_pair_is_not_suggested_nor_matched_nor_seated_together(api: Gateway) -> None:
    host, network, (mira, omar, fay) = network_of(api, "Mira Mentor", "Omar Mentor", "Fay Mentee")
    scheme = host.run(SCHEME, n=network)["createMentoringScheme"]["id"]
    for who, role in ((mira, "mentor"), (omar, "mentor"), (fay, "mentee")):
        join_scheme(host, who, scheme, role, areas=["coaching"], goals="board governance")
    fay.run(BLOCK, m=mira.id)
    pairs = {(s["menteeId"], s["mentorId"]) for s in host.run(SUGGEST, s=scheme)["suggestedMatches"]}
    assert pairs == {(fay.id, omar.id)}
    refused = host.fails(MATCH, s=scheme, m=mira.id, e=[fay.id])[0]
    assert refused["message"] == "Those members cannot be matched together; choose others."
    for one, other in ((fay, mira), (mira, fay)):
        assert one.fails(FORM, n=network, m=[other.id])[0]["extensions"]["code"] == "NOT_FOUND"
    assert host.run(MATCH, s=scheme, m=omar.id, e=[fay.id])["matchMentoring"]["memberCount"] == 2
