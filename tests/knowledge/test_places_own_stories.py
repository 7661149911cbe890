"""A local group's page, a peer group's space and a member's profile list their own stories: only those the
viewer may read already, so a place or a person never shows an outsider what its circle keeps to itself."""

from typing import Any

from tests.knowledge.community import WRITE, community, peer_group, story
from tests.knowledge.test_late_joiner import _seat as seat
from tests.support.graphql import Gateway

IN = "query($c: String, $a: ID) { stories(circle: $c, authorId: $a) { edges { node { title } } } }"
SHARE = "mutation($id: ID!, $a: String!) { shareStory(id: $id, audience: $a) { id } }"


def titles(answer: dict[str, Any]) -> list[str]:
    return [edge["node"]["title"] for edge in answer["stories"]["edges"]]


def test_a_local_group_shows_its_own_stories_to_those_who_may_read_them(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter", in_local_group=False)
    local = f"local_group:{place.local_group}"
    amara.run(WRITE, n=place.network, a=local, s=story(title="Our first circle"))
    amara.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="For the whole network"))
    amara.run(WRITE, n=place.network, a=local, s=story(title="Our second circle"))
    assert titles(amara.run(IN, c=local)) == ["Our second circle", "Our first circle"]
    assert titles(ben.run(IN, c=local)) == []
    outsider = api.sign_up("Dana Reyes")
    assert titles(outsider.run(IN, c=local)) == []
    [bad] = ben.fails(IN, c="everyone")
    assert bad["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_profile_shows_what_its_member_shared_that_the_viewer_may_read(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    chen = place.member(api, "Chen Wei", in_local_group=False)
    group = peer_group(place, amara, ben)
    amara.run(WRITE, n=place.network, a=group, s=story(title="What the board said"))
    shared = amara.run(WRITE, n=place.network, a=group, s=story(title="Shared later"))["writeStory"]
    amara.run(SHARE, id=shared["id"], a=f"network:{place.network}")
    amara.run(WRITE, n=place.network, a=f"local_group:{place.local_group}", s=story(title="Local news"))
    ben.run(WRITE, n=place.network, a=f"network:{place.network}", s=story(title="Ben's own"))
    assert titles(ben.run(IN, a=amara.id)) == ["Local news", "Shared later", "What the board said"]
    assert titles(chen.run(IN, a=amara.id)) == ["Shared later"]
    assert titles(chen.run(IN, c=group)) == []
    assert titles(ben.run(IN, c=group)) == ["Shared later", "What the board said"]


def test_a_late_joiner_sees_in_the_group_only_what_was_written_there_from_their_seat_on(api: Gateway) -> None:
    place = community(api)
    amara, ben, cleo = (place.member(api, n) for n in ("Amara Okafor", "Ben Carter", "Cleo Colleague"))
    group = peer_group(place, amara, ben)
    before = amara.run(WRITE, n=place.network, a=group, s=story(title="Before Cleo"))["writeStory"]
    amara.run(SHARE, id=before["id"], a=f"network:{place.network}")
    seat(group, amara, ben, cleo)
    amara.run(WRITE, n=place.network, a=group, s=story(title="With Cleo"))
    assert titles(cleo.run(IN, c=group)) == ["With Cleo"]
    assert titles(cleo.run(IN, a=amara.id)) == ["With Cleo", "Before Cleo"]
