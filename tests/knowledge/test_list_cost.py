"""Pages of stories and resources cost the same SQL statements for one item as for several: revisions, comments,
reactions, contributions and ratings come through per-request DataLoaders, batched across the page."""

from tests.knowledge.community import WRITE, Community, community, story
from tests.support.graphql import Gateway, Member
from tests.support.statements import statements_of

STORIES = """query($n: ID!) { stories(networkId: $n, first: 50) { totalCount edges { node { id title html audience
  writtenIn author { name } revisions { number title } comments { body } reactions { reaction count } } } } }"""
RESOURCES = """query($n: ID!) { resources(networkId: $n, first: 50) { totalCount edges { node { id title
  addedBy { name } contributions { text } ratings { average count } comments { body }
  reactions { reaction count } } } } }"""
EDIT = "mutation($id: ID!, $c: StoryChange!) { editStory(id: $id, change: $c) { id } }"
COMMENT = "mutation($b: String!, $s: ID, $r: ID) { comment(body: $b, storyId: $s, resourceId: $r) { id } }"
REACT = "mutation($s: ID, $r: ID) { react(reaction: THANKS, storyId: $s, resourceId: $r) { count } }"
ADD = """mutation($n: ID!, $r: ResourceInput!) { addResource(networkId: $n, resource: $r) { resource { id } } }"""
CONTRIBUTE = """mutation($r: ID!) {
  contributeToResource(resourceId: $r, kind: EXPERIENCE, text: "We used it in a round.") { id } }"""
RATE = "mutation($r: ID!) { rateResource(resourceId: $r, stars: 4) { id } }"


def more_stories(place: Community, author: Member, reader: Member, count: int) -> None:
    for number in range(count):
        audience = f"local_group:{place.local_group}"
        written = author.run(WRITE, n=place.network, a=audience, s=story(title=f"Round {number}"))["writeStory"]["id"]
        author.run(EDIT, id=written, c={"body": "We *listened*, then asked."})
        reader.run(COMMENT, b="This helped me.", s=written)
        reader.run(REACT, s=written)


SHELF = ("The Art of Hosting", "Presence", "Leadership on the Line", "Appreciative Inquiry", "Liberating Structures")


def more_resources(place: Community, adder: Member, reader: Member, titles: tuple[str, ...]) -> None:
    for title in titles:
        shelf = {"kind": "BOOK", "title": title}
        added = adder.run(ADD, n=place.network, r=shelf)["addResource"]["resource"]["id"]
        reader.run(CONTRIBUTE, r=added)
        reader.run(RATE, r=added)
        reader.run(COMMENT, b="On my shelf too.", r=added)
        reader.run(REACT, r=added)


def test_a_page_of_stories_costs_the_same_for_one_story_as_for_five(quiet_api: Gateway) -> None:
    place = community(quiet_api)
    amara, ben = place.member(quiet_api, "Amara Okafor"), place.member(quiet_api, "Ben Carter")
    more_stories(place, amara, ben, 1)
    one = statements_of(quiet_api, ben, STORIES, n=place.network)
    more_stories(place, amara, ben, 4)
    assert ben.run(STORIES, n=place.network)["stories"]["totalCount"] == 5
    assert statements_of(quiet_api, ben, STORIES, n=place.network) == one


def test_a_page_of_resources_costs_the_same_for_one_resource_as_for_five(quiet_api: Gateway) -> None:
    place = community(quiet_api)
    amara, ben = place.member(quiet_api, "Amara Okafor"), place.member(quiet_api, "Ben Carter")
    more_resources(place, amara, ben, SHELF[:1])
    one = statements_of(quiet_api, ben, RESOURCES, n=place.network)
    more_resources(place, amara, ben, SHELF[1:])
    assert ben.run(RESOURCES, n=place.network)["resources"]["totalCount"] == 5
    assert statements_of(quiet_api, ben, RESOURCES, n=place.network) == one
