"""Stories: written in a circle, seen only there until their author shares them wider; safe Markdown; revisions."""

from tests.knowledge.community import WRITE, community, peer_group, story
from tests.networks.test_connections import ANSWER, PROPOSE
from tests.networks.test_networks_flow import joined
from tests.support.graphql import Gateway

READ = "query($id: ID!) { story(id: $id) { title body html audience withdrawn } }"
SHARE = "mutation($id: ID!, $a: String!) { shareStory(id: $id, audience: $a) { audience } }"
WITHDRAW = "mutation($id: ID!, $a: String) { withdrawStory(id: $id, audience: $a) { withdrawn audience } }"
EDIT = "mutation($id: ID!, $c: StoryChange!) { editStory(id: $id, change: $c) { title revisions { number title } } }"
LIST = "query($n: ID) { stories(networkId: $n) { totalCount edges { node { title } } } }"


def test_a_peer_group_story_stays_in_the_group_until_its_author_shares_it(api: Gateway) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    group = peer_group(place, amara, ben)
    written = amara.run(
        WRITE,
        n=place.network,
        a=group,
        s=story("INCIDENT_OR_DILEMMA", "The board walked out", practiceAreas=["coaching"]),
    )
    written = written["writeStory"]
    assert written["audience"] == [group]
    assert ben.run(READ, id=written["id"])["story"]["title"] == "The board walked out"
    [hidden] = chen.fails(READ, id=written["id"])
    assert hidden["message"] == "No such story."
    assert chen.run(LIST, n=place.network)["stories"]["totalCount"] == 0

    [refused] = ben.fails(SHARE, id=written["id"], a=f"network:{place.network}")
    assert refused["extensions"]["code"] == "FORBIDDEN"
    amara.run(SHARE, id=written["id"], a=f"local_group:{place.local_group}")
    assert chen.run(READ, id=written["id"])["story"]["audience"] == [f"local_group:{place.local_group}"]

    amara.run(WITHDRAW, id=written["id"])
    assert chen.fails(READ, id=written["id"])[0]["message"] == "No such story."
    assert ben.fails(READ, id=written["id"])[0]["message"] == "No such story."
    assert amara.run(READ, id=written["id"])["story"]["withdrawn"] is True


def test_withdrawing_from_one_circle_keeps_the_others(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter", in_local_group=False)
    written = amara.run(WRITE, n=place.network, a=f"local_group:{place.local_group}", s=story())["writeStory"]
    assert ben.fails(READ, id=written["id"])[0]["extensions"]["code"] == "NOT_FOUND"
    amara.run(SHARE, id=written["id"], a=f"network:{place.network}")
    assert ben.run(LIST, n=place.network)["stories"]["totalCount"] == 1
    narrowed = amara.run(WITHDRAW, id=written["id"], a=f"network:{place.network}")["withdrawStory"]
    assert narrowed == {"withdrawn": False, "audience": [f"local_group:{place.local_group}"]}
    assert ben.run(LIST, n=place.network)["stories"]["totalCount"] == 0


def test_members_write_only_to_circles_they_belong_to(api: Gateway) -> None:
    place = community(api)
    amara = place.member(api, "Amara Okafor", in_local_group=False)
    others = peer_group(place, place.member(api, "Ben Carter"), place.host)
    for key in (others, f"local_group:{place.local_group}"):
        assert amara.fails(WRITE, n=place.network, a=key, s=story())[0]["extensions"]["code"] == "FORBIDDEN"
    [bad] = amara.fails(WRITE, n=place.network, a="everyone", s=story())
    assert bad["extensions"]["code"] == "BAD_USER_INPUT"
    [area] = amara.fails(WRITE, n=place.network, a="platform", s=story(practiceAreas=["astrology"]))
    assert area["message"] == "Unknown practice area: astrology."


def test_markdown_is_rendered_safely_and_dangerous_bodies_are_refused(api: Gateway) -> None:
    place = community(api)
    amara = place.member(api, "Amara Okafor")
    body = "**Bold** move.\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)> [site](https://example.org)"
    html = amara.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(body=body))["writeStory"]["html"]
    assert "<strong>Bold</strong>" in html and '<a href="https://example.org"' in html
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    for link in ("[click](javascript:alert(1))", "<javascript:alert(1)>", "![x](data:image/png;base64,AAAA)"):
        [error] = amara.fails(WRITE, n=place.network, a="platform", s=story(body=link))
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert "http, https or mailto only" in error["message"]
    [long] = amara.fails(WRITE, n=place.network, a="platform", s=story(body="word " * 40_000))
    assert long["message"] == "A story may be at most 100 KB of text; this one is 199 KB."
    response = api.http.post(
        "/graphql",
        json={"query": WRITE, "variables": {"n": place.network, "a": "platform", "s": story(body="x" * 1_000_000)}},
        headers={"authorization": f"Bearer {amara.token}"},
    )
    assert response.status_code == 413 and "larger than" in response.text
    assert amara.run(LIST, n=place.network)["stories"]["totalCount"] == 1


def test_edits_keep_the_earlier_text_as_revisions(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    written = amara.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="First"))["writeStory"]
    amara.run(EDIT, id=written["id"], c={"title": "Second"})
    edited = amara.run(EDIT, id=written["id"], c={"title": "Third", "body": "Now with more *detail*."})["editStory"]
    assert edited == {
        "title": "Third",
        "revisions": [{"number": 1, "title": "First"}, {"number": 2, "title": "Second"}],
    }
    assert ben.fails(EDIT, id=written["id"], c={"title": "Mine"})[0]["extensions"]["code"] == "FORBIDDEN"
    assert ben.run(READ, id=written["id"])["story"]["body"] == "Now with more *detail*."


def test_a_story_shared_with_its_network_reaches_connected_networks_until_withdrawn(api: Gateway) -> None:
    place = community(api)
    amara = place.member(api, "Amara Okafor")
    partner_host = api.sign_up("Bo Host")
    public = 'mutation { createNetwork(name: "Bristol Alumni", isPublic: true) { id } }'  # so others may find it
    partner = partner_host.run(public)["createNetwork"]["id"]
    reader = joined(api, partner_host, partner, "Ben Carter")
    proposal = place.host.run(PROPOSE, n=place.network, p=partner)["proposeNetworkConnection"]
    partner_host.run(ANSWER, id=proposal["id"], a=True)
    written = amara.run(WRITE, n=place.network, a=f"local_group:{place.local_group}", s=story())["writeStory"]
    read = "query($id: ID!) { story(id: $id) { title } }"
    assert reader.fails(read, id=written["id"])[0]["message"] == "No such story."
    shared = amara.run(SHARE, id=written["id"], a=f"network:{place.network}")["shareStory"]["audience"]
    assert set(shared) == {f"local_group:{place.local_group}", f"network:{place.network}", f"network:{partner}"}
    assert reader.run(read, id=written["id"]) == {"story": {"title": "A round that went well"}}
    narrowed = amara.run(WITHDRAW, id=written["id"], a=f"network:{place.network}")["withdrawStory"]["audience"]
    assert narrowed == [f"local_group:{place.local_group}"]
    assert reader.fails(read, id=written["id"])[0]["message"] == "No such story."
