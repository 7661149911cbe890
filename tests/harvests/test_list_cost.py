"""A page of harvests costs the same SQL statements for one harvest as for several: each harvest's items, the
stories and resources they cite, and the consents given come through a per-request DataLoader."""

from tests.harvests.flows import ADD_ITEM, CREATE, PUBLISH
from tests.knowledge.community import WRITE, Community, community, story
from tests.knowledge.test_list_cost import ADD, SHELF
from tests.support.graphql import Gateway, Member
from tests.support.statements import statements_of

HARVESTS = """query($n: ID!) { harvests(networkId: $n, first: 50) { totalCount edges { node { id title markdown
  items { section text stories { visible title consent } resources { title } } } } } }"""


def more_harvests(place: Community, author: Member, titles: tuple[str, ...]) -> None:
    for title in titles:
        audience = f"local_group:{place.local_group}"
        cited = author.run(WRITE, n=place.network, a=audience, s=story(title=f"After {title}"))["writeStory"]["id"]
        shelf = author.run(ADD, n=place.network, r={"kind": "BOOK", "title": title})["addResource"]["resource"]["id"]
        harvest = place.host.run(CREATE, n=place.network, h={"title": f"Reading {title}", "gathering": "WORLD_CAFE"})
        made = harvest["createHarvest"]["id"]
        place.host.run(ADD_ITEM, h=made, s="INSIGHTS", t="Silence helps.", st=[cited], rs=[shelf])
        place.host.run(ADD_ITEM, h=made, s="ACTIONS", t="Try a silent minute.", st=[], rs=[])
        place.host.run(PUBLISH, id=made)


def test_a_page_of_harvests_costs_the_same_for_one_harvest_as_for_five(quiet_api: Gateway) -> None:
    place = community(quiet_api)
    place.host.run("mutation($id: ID!) { joinLocalGroup(id: $id) { id } }", id=place.local_group)
    amara, ben = place.member(quiet_api, "Amara Okafor"), place.member(quiet_api, "Ben Carter")
    more_harvests(place, amara, SHELF[:1])
    one = statements_of(quiet_api, ben, HARVESTS, n=place.network)
    more_harvests(place, amara, SHELF[1:])
    page = ben.run(HARVESTS, n=place.network)["harvests"]
    assert page["totalCount"] == 5 and all(edge["node"]["items"][0]["stories"] for edge in page["edges"])
    assert statements_of(quiet_api, ben, HARVESTS, n=place.network) == one
