"""A page of gatherings costs the same SQL statements for one gathering as for several: each one's answers,
waiting places and attendance come through per-request DataLoaders, batched across the page."""

from tests.feeds.test_list_cost import TITLES
from tests.gatherings.flows import rsvp, scheduled
from tests.knowledge.community import Community, community
from tests.support.graphql import Gateway, Member
from tests.support.statements import statements_of

PAGE = """query($n: ID!) { gatherings(networkId: $n) { totalCount edges { node { id title going waiting
  myRsvp { answer position } attendees { name answer position present } } } } }"""


def more_gatherings(place: Community, members: list[Member], titles: tuple[str, ...]) -> None:
    for days, title in enumerate(titles, start=7):
        gathering = scheduled(place.host, place, title, days, capacity=1, waitingList=True)
        for member in members:
            rsvp(member, gathering)


def test_a_page_of_gatherings_costs_the_same_for_one_gathering_as_for_five(quiet_api: Gateway) -> None:
    place = community(quiet_api)
    members = [place.member(quiet_api, name) for name in ("Amara Okafor", "Ben Carter", "Chen Wei")]
    more_gatherings(place, members, TITLES[:1])
    one = statements_of(quiet_api, place.host, PAGE, n=place.network)
    more_gatherings(place, members, TITLES[1:])
    page = members[2].run(PAGE, n=place.network)["gatherings"]
    assert page["totalCount"] == 5
    assert {edge["node"]["myRsvp"]["position"] for edge in page["edges"]} == {2}
    assert statements_of(quiet_api, place.host, PAGE, n=place.network) == one
