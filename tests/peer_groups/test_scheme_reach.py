"""A new scheme reaches its network's members, as its event's audience says: they find it in search and see it in
their feed, with the link to apply; a member of another network does neither."""

from tests.peer_groups.support import network_of
from tests.support.graphql import Gateway
from tests.support.pipeline import settle

SCHEME = """mutation($n: ID!) { createMentoringScheme(input: {networkId: $n, name: "Next leaders",
  kind: "one_to_one", months: 6, aims: "Diverse talented people reach senior leaders",
  eligibility: ["Part-time workers"]}) { id } }"""
SEARCH = """query($q: String!) { search(query: $q) { hits { title path } } }"""
FEED = "{ feed(first: 20) { edges { node { kind title path } } } }"


def test_a_new_scheme_is_found_and_fed_to_its_network_only(quiet_api: Gateway) -> None:
    host, network, (fay,) = network_of(quiet_api, "Fay Member")
    _, _, (olu,) = network_of(quiet_api, "Olu Elsewhere")
    scheme = host.run(SCHEME, n=network)["createMentoringScheme"]["id"]
    settle(quiet_api)
    path = f"/networks/{network}/schemes/{scheme}"
    assert {"title": "Next leaders", "path": path} in fay.run(SEARCH, q="senior leaders")["search"]["hits"]
    fed = [edge["node"] for edge in fay.run(FEED)["feed"]["edges"]]
    assert {"kind": "SCHEME", "title": "Next leaders", "path": path} in fed
    assert olu.run(SEARCH, q="senior leaders")["search"]["hits"] == []
    assert all(edge["node"]["title"] != "Next leaders" for edge in olu.run(FEED)["feed"]["edges"])
