"""The feed through GraphQL: ranking with reasons, stable cursors, seen and dismissed, follows and mutes."""

import base64

from events import audience
from infra.database import Database
from tests.feeds.support import GROUP, JOIN, ago, feed, ident, network_with_group, project, publication, share, shared
from tests.support.graphql import Gateway, Member

SEEN = "mutation($id: ID!) { markSeen(itemId: $id) }"
DISMISS = "mutation($id: ID!) { dismiss(itemId: $id) }"
CHOOSE = "mutation($kind: InterestKind!, $id: ID!) {{ {verb}(kind: $kind, id: $id) {{ kind id stance }} }}"
LIKE_YOURS = "{ groupsLikeYours { name sharedPracticeAreas } }"


async def _world(api: Gateway, database: Database):  # type: ignore[no-untyped-def]
    """Hana hosts Northern Network and sits in Leeds (hosting); York shares hosting, Glasgow does not."""
    hana, north, leeds = network_with_group(api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    york = hana.run(GROUP, n=north, name="York circle", areas=["hosting", "mentoring"])["createLocalGroup"]["id"]
    glasgow = hana.run(GROUP, n=north, name="Glasgow cohort", areas=["coaching"])["createLocalGroup"]["id"]
    hana.run(JOIN, g=leeds)
    net = [audience.network(north)]
    stories = {
        "Own group, a day old": publication(
            at=ago(days=1), title="Own group, a day old", local_group_id=leeds, network_ids=[north]
        ),
        "York on hosting, six hours old": publication(
            at=ago(hours=6), title="York on hosting, six hours old", local_group_id=york, network_ids=[north]
        ),
        "Glasgow news, fresh": publication(
            at=ago(hours=1), title="Glasgow news, fresh", local_group_id=glasgow, network_ids=[north]
        ),
    }
    ids = {title: ident() for title in stories}
    await share(database, *(shared(ids[title], net, found) for title, found in stories.items()))
    await project(database)
    return hana, ids, {"north": north, "york": york, "glasgow": glasgow}


def _stories(nodes: list[dict[str, str]]) -> list[str]:
    return [node["title"] for node in nodes if node["kind"] == "STORY"]


def _walk(member: Member) -> list[str]:
    """One item a page: the cursors must walk the feed's order, without repeats, to the end."""
    walked, after = [], None
    while True:
        page = member.run(
            "query($a: String) { feed(first: 1, after: $a) { edges { node { title } } pageInfo { hasNextPage"
            " endCursor } } }",
            a=after,
        )["feed"]
        walked += [edge["node"]["title"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return walked
        after = page["pageInfo"]["endCursor"]


async def test_own_groups_come_first_then_shared_themes_then_the_network(api: Gateway, database: Database) -> None:
    hana, ids, _ = await _world(api, database)
    nodes = feed(hana)
    assert _stories(nodes) == ["Own group, a day old", "York on hosting, six hours old", "Glasgow news, fresh"]
    assert {n["title"]: n["reason"] for n in nodes}["York on hosting, six hours old"] == (
        "from York circle, also working on hosting"
    )
    assert _walk(hana) == [node["title"] for node in nodes]

    hana.run(SEEN, id=ids["Own group, a day old"])
    hana.run(DISMISS, id=ids["Glasgow news, fresh"])
    nodes = feed(hana)
    assert _stories(nodes) == ["York on hosting, six hours old", "Own group, a day old"]
    assert [n["seen"] for n in nodes if n["title"] == "Own group, a day old"] == [True]
    assert _walk(hana) == [node["title"] for node in nodes]


async def test_follows_lift_mutes_hide_and_hidden_things_read_as_missing(api: Gateway, database: Database) -> None:
    hana, ids, places = await _world(api, database)
    choose = {verb: CHOOSE.format(verb=verb) for verb in ("follow", "unfollow", "mute", "unmute")}
    assert hana.run(choose["follow"], kind="LOCAL_GROUP", id=places["glasgow"])["follow"] == [
        {"kind": "LOCAL_GROUP", "id": places["glasgow"], "stance": "FOLLOW"}
    ]
    nodes = feed(hana)
    assert _stories(nodes)[:2] == ["Own group, a day old", "Glasgow news, fresh"]
    assert {n["title"]: n["reason"] for n in nodes}["Glasgow news, fresh"] == "you follow Glasgow cohort"

    hana.run(choose["mute"], kind="PRACTICE_AREA", id="Hosting")
    assert "York on hosting, six hours old" not in _stories(feed(hana))
    assert hana.run(choose["unmute"], kind="PRACTICE_AREA", id="hosting")["unmute"] == [
        {"kind": "LOCAL_GROUP", "id": places["glasgow"], "stance": "FOLLOW"}
    ]
    assert "York on hosting, six hours old" in _stories(feed(hana))
    assert hana.run(LIKE_YOURS)["groupsLikeYours"] == [{"name": "York circle", "sharedPracticeAreas": ["hosting"]}]

    outsider = api.sign_up("Olive Outsider")
    for query, variables in ((SEEN, {"id": ids["York on hosting, six hours old"]}), (SEEN, {"id": ident()})):
        assert [e["message"] for e in outsider.fails(query, **variables)] == ["No such feed item."]
    missing = outsider.fails(choose["follow"], kind="LOCAL_GROUP", id=places["york"])
    assert [e["message"] for e in missing] == ["No such local group."]
    assert outsider.fails(choose["follow"], kind="NETWORK", id=places["north"])[0]["message"] == "No such network."
    assert feed(outsider) == [] and outsider.run(LIKE_YOURS)["groupsLikeYours"] == []
    assert hana.fails('{ feed(after: "bm90IGEgY3Vyc29y") { pageInfo { hasNextPage } } }')[0]["message"] == (
        "That cursor is not one this feed gave out."
    )


def test_a_hand_made_cursor_far_in_the_past_is_refused_clearly(api: Gateway) -> None:
    """Its key would bound the scan at a time before year 1: refused as a cursor, not failed as a date."""
    member = api.sign_up("Cora Cursor")
    for key in ("-999999", "-1", "999999.5e1"):
        forged = base64.urlsafe_b64encode(f"k:{key}:item".encode()).decode()
        [error] = member.fails("query($a: String) { feed(after: $a) { edges { cursor } } }", a=forged)
        assert (error["message"], error["extensions"]["code"]) == (
            "That cursor is not one this feed gave out.",
            "BAD_USER_INPUT",
        )
