"""Shared steps of the harvest tests: a peer group round in Leeds, and a network connected to Leeds'."""

from dataclasses import dataclass

from tests.knowledge.community import WRITE, Community, community, peer_group, story
from tests.networks.test_networks_flow import joined
from tests.support.graphql import Gateway, Member

CREATE = "mutation($n: ID!, $h: HarvestInput!) { createHarvest(networkId: $n, harvest: $h) { id status } }"
ADD_ITEM = """mutation($h: ID!, $s: HarvestSection!, $t: String!, $st: [ID!], $rs: [ID!]) {
  addHarvestItem(harvestId: $h, section: $s, text: $t, storyIds: $st, resourceIds: $rs) { id stories { title } } }"""
PUBLISH = "mutation($id: ID!) { publishHarvest(id: $id) { status audience } }"
READ = """query($id: ID!) { harvest(id: $id) { title status markdown
  items { section text stories { visible title excerpt consent } resources { title } } } }"""
REQUESTS = "{ myCitationRequests { id status storyId harvestTitle citingItems } }"
ANSWER = "mutation($id: ID!, $c: Boolean!) { answerCitationRequest(id: $id, consent: $c) { status } }"


@dataclass
class Round:
    place: Community
    author: Member
    confidential: str
    uncited: str
    local: str


def leeds_round(api: Gateway) -> Round:
    """Amara and Ben meet in a peer group with the host; Amara shares two stories there, Ben one in Leeds."""
    place = community(api)
    place.host.run("mutation($id: ID!) { joinLocalGroup(id: $id) { id } }", id=place.local_group)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    group = peer_group(place, amara, ben, place.host)
    confidential = amara.run(WRITE, n=place.network, a=group, s=story("INCIDENT_OR_DILEMMA", "The board walked out"))
    uncited = amara.run(WRITE, n=place.network, a=group, s=story("INCIDENT_OR_DILEMMA", "Keeping the founder on"))
    local = ben.run(WRITE, n=place.network, a=f"local_group:{place.local_group}", s=story(title="Leeds listens"))
    ids = [found["writeStory"]["id"] for found in (confidential, uncited, local)]
    return Round(place, amara, *ids)


def connected_network(api: Gateway, host: Member, network: str) -> tuple[str, Member]:
    """A second network, connected to `network`, and one of its members."""
    other_host = api.sign_up("Olu Host")
    public = 'mutation { createNetwork(name: "Bristol Alumni", isPublic: true) { id } }'  # so others may find it
    other = other_host.run(public)["createNetwork"]["id"]
    proposal = host.run(
        "mutation($n: ID!, $p: ID!) { proposeNetworkConnection(networkId: $n, partnerNetworkId: $p) { id } }",
        n=network,
        p=other,
    )["proposeNetworkConnection"]["id"]
    other_host.run("mutation($id: ID!) { answerNetworkConnection(id: $id, accept: true) { id } }", id=proposal)
    return other, joined(api, other_host, other, "Rui Reader")
