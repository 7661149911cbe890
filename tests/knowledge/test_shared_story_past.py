"""A story shared wider takes only its current text along: earlier revisions, and the comments and reactions made
while it was confidential, stay with the peer group, in GraphQL, search and feeds alike."""

import pytest

from events.inprocess import InProcessBus
from events.runner import Runner
from infra.database import Database
from infra.settings import Settings
from search import indexer
from search.embedded import EmbeddedIndex
from tests.feeds.support import project
from tests.knowledge.community import WRITE, community, peer_group, story
from tests.knowledge.test_responses import COMMENT
from tests.knowledge.test_stories import EDIT, SHARE, WITHDRAW
from tests.search.contract import ask, ids
from tests.support.budgets import unhurried
from tests.support.graphql import Gateway

READ = """query($id: ID!) { story(id: $id) { title body revisions { number title body }
  comments { body } reactions { reaction count } } }"""
REACT = "mutation($s: ID!, $r: ReactionKind!) { react(storyId: $s, reaction: $r) { reaction count } }"
RESPONSES = "query($s: ID) { conversation(storyId: $s) { comments { body } reactions { reaction count } } }"
FEED = "{ feed(first: 50) { edges { node { title excerpt } } } }"
GROUP_WORDS = ("Marrowbone", "walked out", "Zephyrine")


@pytest.fixture
def settings(database_url: str, tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    """No background workers: the test drives search and feeds itself, to the end of what was written."""
    return unhurried(database_url=database_url, data_dir=tmp_path, max_body_bytes=1_000_000, run_workers=False)


async def _indexed(database: Database) -> EmbeddedIndex:
    """A search index built by the indexer from every event recorded so far (`project` relayed them)."""
    index, bus = EmbeddedIndex(), InProcessBus(database)
    runner = Runner(indexer.consumer(lambda: index), database, bus)
    source = bus.source("indexer", indexer.SOURCES)
    while await runner.step(source, 0.01):
        pass
    return index


async def test_sharing_a_story_shares_its_current_version_only(api: Gateway, database: Database) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    group = peer_group(place, amara, ben)
    first = story("INCIDENT_OR_DILEMMA", "The board walked out", "Marrowbone said nothing for an hour.")
    story_id = amara.run(WRITE, n=place.network, a=group, s=first)["writeStory"]["id"]
    ben.run(COMMENT, s=story_id, k="REMINDS_ME", b="Zephyrine did the same to me.")
    ben.run(REACT, s=story_id, r="RESONATES")
    amara.run(EDIT, id=story_id, c={"title": "A board that came back", "body": "We met again and listened."})
    amara.run(SHARE, id=story_id, a=f"network:{place.network}")

    outside = chen.run(READ, id=story_id)["story"]
    assert outside == {
        "title": "A board that came back",
        "body": "We met again and listened.",
        "revisions": [],
        "comments": [],
        "reactions": [],
    }
    assert chen.run(RESPONSES, s=story_id)["conversation"] == {"comments": [], "reactions": []}
    inside = ben.run(READ, id=story_id)["story"]
    assert inside["revisions"] == [
        {"number": 1, "title": "The board walked out", "body": "Marrowbone said nothing for an hour."}
    ]
    assert inside["comments"] == [{"body": "Zephyrine did the same to me."}]
    assert inside["reactions"] == [{"reaction": "RESONATES", "count": 1}]
    assert amara.run(READ, id=story_id)["story"]["revisions"] == inside["revisions"]

    # What is said once it is shared reaches the wider audience, and the group still sees all of it.
    chen.run(COMMENT, s=story_id, k="QUESTION", b="Who called the second meeting?")
    assert chen.run(REACT, s=story_id, r="RESONATES")["react"] == [{"reaction": "RESONATES", "count": 1}]
    amara.run(EDIT, id=story_id, c={"body": "We met again, and the chair listened first."})
    outside = chen.run(READ, id=story_id)["story"]
    assert [(r["number"], r["body"]) for r in outside["revisions"]] == [(2, "We met again and listened.")]
    assert outside["comments"] == [{"body": "Who called the second meeting?"}]
    assert outside["reactions"] == [{"reaction": "RESONATES", "count": 1}]
    inside = ben.run(READ, id=story_id)["story"]
    assert [r["number"] for r in inside["revisions"]] == [1, 2] and len(inside["comments"]) == 2
    assert inside["reactions"] == [{"reaction": "RESONATES", "count": 2}]

    await project(database)
    feed = str(chen.run(FEED))
    assert "A board that came back" in feed and not any(word in feed for word in GROUP_WORDS)
    index = await _indexed(database)
    circles = frozenset({f"network:{place.network}", f"local_group:{place.local_group}", "platform"})
    assert ids(ask(index, "listened", circles)) == [story_id]
    assert ids(ask(index, "marrowbone", circles)) == ids(ask(index, "zephyrine", circles)) == []


def test_withdrawing_from_the_network_takes_back_what_was_said_there(api: Gateway) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    group = peer_group(place, amara, ben)
    story_id = amara.run(WRITE, n=place.network, a=group, s=story())["writeStory"]["id"]
    amara.run(SHARE, id=story_id, a=f"local_group:{place.local_group}")
    chen.run(COMMENT, s=story_id, k="COMMENT", b="Shared with Leeds, answered from Leeds.")
    amara.run(SHARE, id=story_id, a=f"network:{place.network}")
    amara.run(WITHDRAW, id=story_id, a=f"local_group:{place.local_group}")
    # Chen still reads the story through the network, but what was said in Leeds left with Leeds; the group
    # it was written in saw the comment and keeps it.
    assert chen.run(READ, id=story_id)["story"]["comments"] == []
    assert ben.run(READ, id=story_id)["story"]["comments"] == [{"body": "Shared with Leeds, answered from Leeds."}]
    amara.run(SHARE, id=story_id, a=f"local_group:{place.local_group}")
    assert chen.run(READ, id=story_id)["story"]["comments"] == [{"body": "Shared with Leeds, answered from Leeds."}]
