"""Comments, reactions and @mentions notify whom they concern: the author of what was responded to (several
responses within minutes fold into one notification), and each mentioned member who may read the text; a mention
of anyone else notifies nobody, and no notification carries what was written."""

from infra.database import Database
from tests.knowledge.community import WRITE, story
from tests.notifications.support import notify_all
from tests.peer_groups.support import ACCEPT, CONTRACT, form, network_of
from tests.support.graphql import Gateway, Member

INBOX = "{ unreadNotificationCount notifications(first: 10) { edges { node { kind text path count actorNames } } } }"
COMMENT = "mutation($s: ID!, $b: String!) { comment(storyId: $s, kind: COMMENT, body: $b) { kind } }"
REACT = "mutation($s: ID!, $r: ReactionKind!) { react(storyId: $s, reaction: $r) { count } }"
EDIT = "mutation($id: ID!, $b: String!) { editStory(id: $id, change: {body: $b}) { id } }"


def inbox(member: Member) -> list[dict[str, object]]:
    return [edge["node"] for edge in member.run(INBOX)["notifications"]["edges"]]


def mention(member: Member) -> str:
    return f"@[{member.name}](member:{member.id})"


async def test_comments_and_reactions_on_a_story_fold_into_one_notification_each_for_its_author(
    api: Gateway, database: Database
) -> None:
    _, net, (amara, ben, chen) = network_of(api, "Amara Okafor", "Ben Carter", "Chen Wei")
    story_id = amara.run(WRITE, n=net, a=f"network:{net}", s=story())["writeStory"]["id"]
    ben.run(COMMENT, s=story_id, b="Lovely to read.")
    chen.run(COMMENT, s=story_id, b="Same here.")
    for member, reaction in ((ben, "THANKS"), (chen, "RESONATES"), (ben, "USEFUL")):
        member.run(REACT, s=story_id, r=reaction)
    amara.run(COMMENT, s=story_id, b="Thank you both.")  # one's own comment tells nobody
    await notify_all(database)
    by_kind = {node["kind"]: node for node in inbox(amara)}
    assert set(by_kind) == {"COMMENT", "REACTION"}
    assert by_kind["COMMENT"]["text"] == "Ben Carter and Chen Wei commented on your story (2 times)"
    assert by_kind["REACTION"]["count"] == 3 and by_kind["REACTION"]["actorNames"] == ["Ben Carter", "Chen Wei"]
    assert {node["path"] for node in by_kind.values()} == {f"/stories/{story_id}"}
    assert inbox(ben) == [] and inbox(chen) == []


async def test_a_mention_in_a_peer_group_reaches_only_members_who_accepted_its_contract(
    api: Gateway, database: Database
) -> None:
    _, net, (amara, ben, chen, dana) = network_of(api, "Amara Okafor", "Ben Carter", "Chen Wei", "Dana Scully")
    group = form(amara, net, [ben, chen])
    for member in (amara, ben):  # Chen is seated but has not accepted; Dana is outside the group
        member.run(ACCEPT, g=group, v=member.run(CONTRACT, id=group)["peerGroup"]["contract"]["version"])
    body = f"Quillfeather burnout, as {mention(ben)}, {mention(chen)} and {mention(dana)} know."
    written = amara.run(WRITE, n=net, a=f"peer_group:{group}", s=story(title="Quillfeather", body=body))
    story_id = written["writeStory"]["id"]
    assert f'<a href="/members/{ben.id}"' in written["writeStory"]["html"]
    await notify_all(database)
    [told] = inbox(ben)
    assert told == {
        "kind": "MENTION",
        "text": "Amara Okafor mentioned you in a story in Tuesday peers",
        "path": f"/stories/{story_id}",
        "count": 1,
        "actorNames": ["Amara Okafor"],
    }
    assert inbox(chen) == [] and inbox(dana) == []

    amara.run(EDIT, id=story_id, b=f"{body} Edited.")
    await notify_all(database)
    assert len(inbox(ben)) == 1 and inbox(dana) == []  # an edit tells no one twice


async def test_a_mention_in_a_comment_reaches_a_network_member_and_no_outsider(
    api: Gateway, database: Database
) -> None:
    _, net, (amara, ben, dana) = network_of(api, "Amara Okafor", "Ben Carter", "Dana Scully")
    stranger = api.sign_up("Sam Stranger")
    story_id = amara.run(WRITE, n=net, a=f"network:{net}", s=story())["writeStory"]["id"]
    ben.run(COMMENT, s=story_id, b=f"{mention(dana)} you should read this; {mention(stranger)} too.")
    await notify_all(database)
    [told] = inbox(dana)
    assert (told["kind"], told["text"]) == ("MENTION", "Ben Carter mentioned you in a comment")
    assert told["path"] == f"/stories/{story_id}"
    assert inbox(stranger) == []
    assert [node["kind"] for node in inbox(amara)] == ["COMMENT"]
