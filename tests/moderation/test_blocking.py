"""Blocking: once Amara blocks Ben, neither sees the other's stories, comments, profile or place in member lists,
in search or feeds, and neither hears of the other's acts; Ben is not told. Unblocking brings it all back."""

from tests.knowledge.community import WRITE, community, story
from tests.moderation.support import BLOCK, COMMENT, COMMENTS, UNBLOCK, feed, found, inbox, settle
from tests.support.graphql import Gateway, Member

MEMBERS = "query($n: ID!) { network(id: $n) { members(first: 50) { edges { node { name } } } } }"
PROFILE = "query($m: ID!) { member(id: $m) { name } }"


def members(viewer: Member, network: str) -> list[str]:
    return [e["node"]["name"] for e in viewer.run(MEMBERS, n=network)["network"]["members"]["edges"]]


def mention(member: Member) -> str:
    return f"@[{member.name}](member:{member.id})"


def test_a_block_hides_both_members_from_each_other_everywhere_until_lifted(api: Gateway) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, name) for name in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    everyone = f"network:{place.network}"
    ben_story = ben.run(WRITE, n=place.network, a=everyone, s=story(title="Zephyr by Ben"))["writeStory"]["id"]
    amara_story = amara.run(WRITE, n=place.network, a=everyone, s=story(title="Zephyr by Amara"))["writeStory"]["id"]
    chen_story = chen.run(WRITE, n=place.network, a=everyone, s=story(title="Zephyr by Chen"))["writeStory"]["id"]
    ben.run(COMMENT, s=chen_story, b="Ben's word on it.")
    amara.run(BLOCK, m=ben.id)
    assert inbox(ben) == [] and amara.run("{ blockedMembers { name } }")["blockedMembers"] == [{"name": "Ben Carter"}]
    settle(api)

    for one, other, theirs in ((amara, ben, ben_story), (ben, amara, amara_story)):
        assert other.name not in members(one, place.network)
        assert one.fails(PROFILE, m=other.id)[0]["extensions"]["code"] == "NOT_FOUND"
        assert one.fails("query($s: ID!) { story(id: $s) { id } }", s=theirs)[0]["extensions"]["code"] == "NOT_FOUND"
        assert one.fails(COMMENT, s=theirs, b="Hello?")[0]["extensions"]["code"] == "NOT_FOUND"
        hidden = f"Zephyr by {other.name.split()[0]}"
        assert "Zephyr by Chen" in found(one, "zephyr") and hidden not in found(one, "zephyr")
        assert "Zephyr by Chen" in feed(one) and hidden not in feed(one)
    assert "Ben's word on it." not in str(amara.run(COMMENTS, s=chen_story))
    assert "Ben's word on it." in str(chen.run(COMMENTS, s=chen_story))

    ben.run(COMMENT, s=chen_story, b=f"{mention(amara)} would know.")  # a mention across a block tells nobody
    settle(api)
    assert [n["kind"] for n in inbox(amara)] == []

    amara.run(UNBLOCK, m=ben.id)
    assert "Ben Carter" in members(amara, place.network) and "Zephyr by Ben" in found(amara, "zephyr")
