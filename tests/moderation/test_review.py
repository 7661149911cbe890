"""Reporting and review: a member flags a harassing comment in a local group, a host hides it with a note; it
leaves what others read (and a hidden story leaves search and feeds), its author is told, and the record shows
the host's act. Inside a peer group a flag reaches its members only, unless the flagger lets the coordinators in,
who then read that one item and nothing else of the group. Bad input changes nothing."""

from tests.harvests.flows import ADD_ITEM, CREATE, PUBLISH
from tests.knowledge.community import WRITE, community, peer_group, story
from tests.moderation.support import (
    COMMENT,
    COMMENTS,
    DECIDE,
    QUEUE,
    acts,
    feed,
    flag,
    found,
    inbox,
    settle,
)
from tests.support.graphql import Gateway, Member


def kinds(member: Member) -> set[str]:
    return {notification["kind"] for notification in inbox(member)}


HARVEST = {"title": "Zephyr harvest", "gathering": "WORLD_CAFE", "summary": "What the café found."}
HARVEST_HIDDEN = "query($id: ID!) { harvest(id: $id) { hidden } }"
ROLE = "mutation($n: ID!, $m: ID!, $r: String!) { setMemberRole(networkId: $n, memberId: $m, role: $r) }"


def test_a_hidden_comment_leaves_readers_its_author_is_told_and_the_record_shows_the_host(api: Gateway) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, name) for name in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    group = f"local_group:{place.local_group}"
    story_id = amara.run(WRITE, n=place.network, a=group, s=story(title="Zephyr round"))["writeStory"]["id"]
    comment = ben.run(COMMENT, s=story_id, b="Zephyr nonsense, you fool.")["comment"]["id"]
    flag(chen, "COMMENT", comment)
    settle(api)
    assert [n["kind"] for n in inbox(place.host)] == ["FLAG_RAISED"]
    assert [n["kind"] for n in inbox(amara)] == ["COMMENT"]  # the flag is for reviewers only
    [queued] = place.host.run(QUEUE, n=place.network)["reviewQueue"]
    assert (queued["excerpt"], queued["reason"], queued["status"]) == (
        "Zephyr nonsense, you fool.",
        "HARASSMENT",
        "open",
    )

    hidden = place.host.run(DECIDE, f=queued["id"], d="HIDE", n="Insults break our charter.")["decideFlag"]
    assert hidden == {"status": "hidden", "decisionNote": "Insults break our charter."}
    settle(api)
    assert amara.run(COMMENTS, s=story_id)["story"]["comments"] == []
    assert ben.run(COMMENTS, s=story_id)["story"]["comments"][0]["hidden"] is True  # its author still sees it
    [told] = [n for n in inbox(ben) if n["kind"] == "CONTENT_MODERATED"]
    assert told["text"] == "A reviewer hid your comment" and "fool" not in str(inbox(ben))
    [act] = acts(place.host, place.network)
    assert act == {
        "actorName": "Hana Host",
        "action": "hid a comment",
        "subject": f"comment:{comment}",
        "detail": "Insults break our charter.",
    }


def test_a_hidden_story_leaves_search_and_feeds_and_comes_back_when_restored(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    written = amara.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="Zephyr scam offer"))
    story_id = written["writeStory"]["id"]
    settle(api)
    assert found(ben, "zephyr") == ["Zephyr scam offer"] and "Zephyr scam offer" in feed(ben)
    flag_id = flag(ben, "STORY", story_id, "SPAM")
    place.host.run(DECIDE, f=flag_id, d="HIDE", n="Spam.")
    settle(api)
    assert found(ben, "zephyr") == [] and "Zephyr scam offer" not in feed(ben)
    assert ben.fails("query($s: ID!) { story(id: $s) { id } }", s=story_id)[0]["extensions"]["code"] == "NOT_FOUND"
    assert amara.run("query($s: ID!) { story(id: $s) { hidden } }", s=story_id)["story"]["hidden"] is True
    place.host.run(DECIDE, f=flag_id, d="RESTORE", n="On reflection, fine.")
    settle(api)
    assert found(ben, "zephyr") == ["Zephyr scam offer"] and "Zephyr scam offer" in feed(ben)


def test_a_flag_in_a_peer_group_reaches_its_members_and_the_coordinators_only_when_chosen(api: Gateway) -> None:
    place = community(api)
    amara, ben, chen, cole = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Chen Wei", "Cole Coord"))
    place.host.run(ROLE, n=place.network, m=cole.id, r="coordinator")
    circle = peer_group(place, amara, ben, chen)
    secret = amara.run(WRITE, n=place.network, a=circle, s=story(title="Quietly kept", body="Our own words."))
    story_id = secret["writeStory"]["id"]
    comment = ben.run(COMMENT, s=story_id, b="Zephyr slur in confidence.")["comment"]["id"]
    flag(chen, "COMMENT", comment)
    settle(api)
    assert "FLAG_RAISED" in kinds(amara) and "FLAG_RAISED" not in kinds(ben)  # its author reviews nothing of theirs
    assert not {"FLAG_RAISED", "FLAG_FOR_COORDINATORS"} & (kinds(place.host) | kinds(cole))
    assert place.host.run(QUEUE, n=place.network)["reviewQueue"] == []
    assert cole.run(QUEUE, n=place.network)["reviewQueue"] == []

    flag(amara, "COMMENT", comment, coordinators=True)
    settle(api)
    # Coordinators are the network's coordinators and hosts, as for a group that stops meeting.
    assert "FLAG_FOR_COORDINATORS" in kinds(cole) & kinds(place.host)
    [seen] = cole.run(QUEUE, n=place.network)["reviewQueue"]
    assert seen["excerpt"] == "Zephyr slur in confidence."
    # That one item, nothing else of the group: not the story it answers, nor its other comments.
    assert cole.fails("query($s: ID!) { story(id: $s) { id } }", s=story_id)[0]["extensions"]["code"] == "NOT_FOUND"
    assert cole.run(DECIDE, f=seen["id"], d="HIDE", n="Hidden.")["decideFlag"]["status"] == "hidden"
    assert "Our own words" not in str(cole.run(QUEUE, n=place.network))


def test_flagging_twice_and_deciding_without_the_right_are_refused_and_change_nothing(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    written = amara.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="Zephyr note"))
    story_id = written["writeStory"]["id"]
    flag_id = flag(ben, "STORY", story_id)
    again = ben.fails("mutation($i: ID!) { flagItem(kind: STORY, itemId: $i, reason: SPAM) { id } }", i=story_id)
    assert again[0]["extensions"]["code"] == "CONFLICT"
    refused = ben.fails(DECIDE, f=flag_id, d="HIDE", n="I say so.")
    assert refused[0]["extensions"]["code"] == "NOT_FOUND"
    own = amara.fails("mutation($i: ID!) { flagItem(kind: STORY, itemId: $i, reason: SPAM) { id } }", i=story_id)
    assert own[0]["extensions"]["code"] == "BAD_USER_INPUT"
    no_note = place.host.fails(DECIDE, f=flag_id, d="HIDE", n="  ")
    assert no_note[0]["extensions"]["code"] == "BAD_USER_INPUT"
    [queued] = place.host.run(QUEUE, n=place.network)["reviewQueue"]
    assert (queued["id"], queued["status"]) == (flag_id, "open")
    assert ben.run("query($s: ID!) { story(id: $s) { hidden } }", s=story_id)["story"]["hidden"] is False


def test_a_hidden_harvest_leaves_readers_search_and_feeds_and_its_hosts_still_read_it(api: Gateway) -> None:
    place = community(api)
    amara, nia = place.member(api, "Amara Okafor"), place.member(api, "Nia Cohost")
    place.host.run(ROLE, n=place.network, m=nia.id, r="host")  # its author reviews nothing of theirs: a co-host does
    harvest = place.host.run(CREATE, n=place.network, h=HARVEST)["createHarvest"]["id"]
    place.host.run(ADD_ITEM, h=harvest, s="INSIGHTS", t="Zephyr insight")
    place.host.run(PUBLISH, id=harvest)
    settle(api)
    assert found(amara, "zephyr") == ["Zephyr harvest"] and "Zephyr harvest" in feed(amara)
    nia.run(DECIDE, f=flag(amara, "HARVEST", harvest, "OTHER"), d="HIDE", n="Names a member wrongly.")
    settle(api)
    assert found(amara, "zephyr") == [] and "Zephyr harvest" not in feed(amara)
    assert amara.fails(HARVEST_HIDDEN, id=harvest)[0]["extensions"]["code"] == "NOT_FOUND"
    assert place.host.run(HARVEST_HIDDEN, id=harvest)["harvest"]["hidden"] is True
