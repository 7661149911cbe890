"""A host who joined a peer group late cannot cite, nor read through a harvest, what the group said before."""

import uuid

from tests.knowledge.community import WRITE, community, peer_group, story
from tests.knowledge.test_late_joiner import _seat
from tests.support.graphql import Gateway

HARVEST = """mutation($n: ID!) { createHarvest(networkId: $n, harvest: {title: "Spring gathering",
  gathering: WORLD_CAFE, summary: "What we heard"}) { id } }"""
CITE = """mutation($h: ID!, $s: ID!) { addHarvestItem(harvestId: $h, section: INSIGHTS, text: "An insight",
  storyIds: [$s]) { id } }"""


def test_a_late_joiner_cannot_cite_what_the_group_said_before_their_seat(api: Gateway) -> None:
    place = community(api)
    amara, ben = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter"))
    group = peer_group(place, amara, ben)
    old = amara.run(WRITE, n=place.network, a=group, s=story(title="Before the host came"))["writeStory"]["id"]
    _seat(group, amara, ben, place.host)
    new = amara.run(WRITE, n=place.network, a=group, s=story(title="After the host came"))["writeStory"]["id"]
    harvest = place.host.run(HARVEST, n=place.network)["createHarvest"]["id"]
    assert place.host.run(CITE, h=harvest, s=new)["addHarvestItem"]["id"]
    hidden, missing = (place.host.fails(CITE, h=harvest, s=s) for s in (old, str(uuid.uuid4())))
    assert (
        [(e["extensions"]["code"], e["message"]) for e in hidden]
        == [(e["extensions"]["code"], e["message"]) for e in missing]
        == [("NOT_FOUND", "No such story.")]
    )
