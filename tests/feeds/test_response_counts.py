"""Feed cards count comments and reactions, only those that reach the reader: what a peer group said about a story
its author later shared wider stays uncounted outside the group."""

from typing import Any

from tests.knowledge.community import WRITE, community, peer_group, story
from tests.knowledge.test_responses import COMMENT, REACT
from tests.support.graphql import Gateway, Member
from tests.support.pipeline import settle

FEED = "{ feed(first: 20) { edges { node { kind title commentCount reactionCount } } } }"
SHARE = "mutation($id: ID!, $a: String!) { shareStory(id: $id, audience: $a) { id } }"


def counts(reader: Member, title: str) -> tuple[Any, Any]:
    [card] = [e["node"] for e in reader.run(FEED)["feed"]["edges"] if e["node"]["title"] == title]
    return card["commentCount"], card["reactionCount"]


def test_feed_cards_count_only_the_responses_that_reach_their_reader(quiet_api: Gateway) -> None:
    api = quiet_api
    place = community(api)
    amara, ben, chen = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    group = peer_group(place, amara, ben)
    written = amara.run(WRITE, n=place.network, a=group, s=story(title="The grant fell through"))["writeStory"]
    ben.run(COMMENT, s=written["id"], k="REMINDS_ME", b="That reminds me of our first funder.")
    ben.run(REACT, s=written["id"])
    amara.run(SHARE, id=written["id"], a=f"local_group:{place.local_group}")
    settle(api)
    assert counts(chen, "The grant fell through") == (0, 0)
    chen.run(COMMENT, s=written["id"], k="QUESTION", b="What did you try next?")
    chen.run(REACT, s=written["id"])
    assert counts(chen, "The grant fell through") == (1, 1)
    assert counts(ben, "The grant fell through") == (2, 2)
