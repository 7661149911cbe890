"""Comments and reactions reach exactly their target's audience; story events carry audience and publication."""

from infra.settings import Settings
from tests.harvests.flows import ADD_ITEM, CREATE, PUBLISH
from tests.knowledge.community import WRITE, community, peer_group, recorded, story
from tests.support.graphql import Gateway

COMMENT = """mutation($s: ID, $h: ID, $k: CommentKind!, $b: String!) {
  comment(storyId: $s, harvestId: $h, kind: $k, body: $b) { kind author { name } } }"""
COMMENTS = "query($s: ID, $h: ID) { conversation(storyId: $s, harvestId: $h) { comments { kind body } } }"
REACT = "mutation($s: ID!, $on: Boolean) { react(storyId: $s, reaction: RESONATES, on: $on) { reaction count mine } }"


def test_comments_on_a_peer_group_story_stay_in_the_group(api: Gateway, settings: Settings) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    group = peer_group(place, amara, ben)
    written = amara.run(WRITE, n=place.network, a=group, s=story("INCIDENT_OR_DILEMMA", "The grant fell through"))
    story_id = written["writeStory"]["id"]
    ben.run(COMMENT, s=story_id, k="REMINDS_ME", b="That reminds me of when I lost our first funder.")
    assert ben.run(REACT, s=story_id)["react"] == [{"reaction": "RESONATES", "count": 1, "mine": True}]
    assert ben.run(REACT, s=story_id, on=False)["react"] == []
    assert amara.run(COMMENTS, s=story_id)["conversation"]["comments"] == [
        {"kind": "REMINDS_ME", "body": "That reminds me of when I lost our first funder."}
    ]
    for attempt in (COMMENTS, COMMENT):
        assert chen.fails(attempt, s=story_id, k="QUESTION", b="What happened?")[0]["message"] == "No such story."
    [comment] = recorded(settings, "knowledge.comment.added")
    assert comment.audience == [group] and comment.subject == story_id
    assert [r.audience for r in recorded(settings, "knowledge.reaction.changed")] == [[group], [group]]

    amara.run("mutation($id: ID!) { withdrawStory(id: $id) { id } }", id=story_id)
    shared, withdrawn = recorded(settings, "knowledge.story")
    assert shared.type == "knowledge.story.shared" and shared.data["publication"]["peer_group_id"] == group[11:]
    assert withdrawn.type == "knowledge.story.withdrawn" and withdrawn.data["publication"] is None
    assert withdrawn.audience == [group]


def test_a_harvest_opens_for_comments_once_published(api: Gateway) -> None:
    place = community(api)
    amara = place.member(api, "Amara Okafor")
    harvest = place.host.run(CREATE, n=place.network, h={"title": "Open Space day", "gathering": "OPEN_SPACE"})
    harvest = harvest["createHarvest"]["id"]
    place.host.run(ADD_ITEM, h=harvest, s="OPEN_QUESTIONS", t="Who holds the space next?", st=[], rs=[])
    assert place.host.fails(COMMENT, h=harvest, k="COMMENT", b="Draft note")[0]["message"] == "No such harvest."
    place.host.run(PUBLISH, id=harvest)
    amara.run(COMMENT, h=harvest, k="QUESTION", b="Could Leeds host the next one?")
    assert place.host.run(COMMENTS, h=harvest)["conversation"]["comments"] == [
        {"kind": "QUESTION", "body": "Could Leeds host the next one?"}
    ]
    assert api.sign_up("Sam Stranger").fails(COMMENTS, h=harvest)[0]["message"] == "No such harvest."
