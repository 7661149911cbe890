"""A page of the feed costs the same SQL statements for one item as for several: items are plain values of the
feed's own rows, and their local groups and comment and reaction counts come through per-request DataLoaders.
Each is counted on a page read a second time, so both read the page prepared by the first (prepared.py)."""

from tests.knowledge.community import WRITE, Community, community, story
from tests.support.graphql import Gateway, Member
from tests.support.pipeline import drained
from tests.support.statements import statements_of

FEED = """{ feed(first: 20) { edges { node { id kind title excerpt reason seen path practiceAreas authorName
  publishedAt author { id name } localGroup { id name } commentCount reactionCount } }
  pageInfo { hasNextPage endCursor } } }"""
TITLES = ("Listening first", "A silent minute", "Asking, not telling", "Hosting the board", "Harvesting well")


def shared(api: Gateway, place: Community, author: Member, titles: tuple[str, ...]) -> None:
    for title in titles:
        author.run(WRITE, n=place.network, a=f"local_group:{place.local_group}", s=story(title=title))
    api.http.portal.call(drained, api.runtime, "feeds")


def test_a_page_of_the_feed_costs_the_same_for_one_item_as_for_five(quiet_api: Gateway) -> None:
    place = community(quiet_api)
    amara, ben = place.member(quiet_api, "Amara Okafor"), place.member(quiet_api, "Ben Carter")
    shared(quiet_api, place, amara, TITLES[:1])
    assert TITLES[0] in {edge["node"]["title"] for edge in ben.run(FEED)["feed"]["edges"]}
    one = statements_of(quiet_api, ben, FEED)
    shared(quiet_api, place, amara, TITLES[1:])
    assert set(TITLES) <= {edge["node"]["title"] for edge in ben.run(FEED)["feed"]["edges"]}
    assert statements_of(quiet_api, ben, FEED) == one
