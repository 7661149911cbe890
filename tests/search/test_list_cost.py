"""A page of search hits costs the same SQL statements for one hit as for several: hits are the engine's
documents, read without a query per hit."""

from tests.feeds.test_list_cost import TITLES
from tests.knowledge.community import WRITE, Community, community, story
from tests.support.graphql import Gateway, Member
from tests.support.pipeline import drained
from tests.support.statements import statements_of

SEARCH = """query($q: String!) { search(query: $q, first: 20) { totalCount hasNextPage endCursor
  hits { id kind title titleHtml snippet path practiceAreas authorName updatedAt }
  facets { field values { value } } } }"""


def indexed(api: Gateway, place: Community, author: Member, titles: tuple[str, ...]) -> None:
    for title in titles:
        body = "We kept a *silent minute* before answering."
        author.run(WRITE, n=place.network, a=f"local_group:{place.local_group}", s=story(title=title, body=body))
    api.http.portal.call(drained, api.runtime, "indexer")


def test_a_page_of_search_hits_costs_the_same_for_one_hit_as_for_five(quiet_api: Gateway) -> None:
    place = community(quiet_api)
    amara, ben = place.member(quiet_api, "Amara Okafor"), place.member(quiet_api, "Ben Carter")
    indexed(quiet_api, place, amara, TITLES[:1])
    one = statements_of(quiet_api, ben, SEARCH, q="silent minute")
    indexed(quiet_api, place, amara, TITLES[1:])
    assert ben.run(SEARCH, q="silent minute")["search"]["totalCount"] == 5
    assert statements_of(quiet_api, ben, SEARCH, q="silent minute") == one
