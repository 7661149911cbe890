"""A gathering reaches its circle and nobody else: search finds it (by title or agenda) for the network's members
and not for outsiders, a local group's only for that group; a member's feed shows the gathering they answered
with the reason ("you're going", "you're on its waiting list"); those going or waiting hear of a change or a
cancellation, and a waiting member hears when a place opens."""

import pytest

from infra.database import Database
from infra.settings import Settings
from tests.feeds.support import project
from tests.gatherings.flows import SCHEDULE, plan, rsvp, scheduled
from tests.knowledge.community import community
from tests.knowledge.test_markdown_on_display import _indexed
from tests.networks.test_networks_flow import founded
from tests.notifications.support import notify_all
from tests.support.budgets import unhurried
from tests.support.graphql import Gateway, Member

SEARCH = "query($q: String!) { search(query: $q) { hits { kind title path } } }"
FEED = "{ feed(first: 50) { edges { node { kind title reason path } } } }"
INBOX = "{ notifications(first: 10) { edges { node { kind text path } } } }"
EDIT = "mutation($id: ID!, $g: GatheringInput!) { editGathering(id: $id, gathering: $g) { title } }"
CANCEL = "mutation($id: ID!) { cancelGathering(id: $id) { status } }"


@pytest.fixture
def settings(database_url: str, tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    """No background workers: the test drives search, feeds and notifications to the end of what was written."""
    return unhurried(
        database_url=database_url,
        data_dir=tmp_path,
        max_body_bytes=1_000_000,
        run_workers=False,
        sign_ups_per_address_hour=10_000,
    )


def _hits(member: Member, words: str = "Quillfeather") -> list[str]:
    return [hit["title"] for hit in member.run(SEARCH, q=words)["search"]["hits"]]


def _reasons(member: Member) -> dict[str, str]:
    return {e["node"]["title"]: e["node"]["reason"] for e in member.run(FEED)["feed"]["edges"]}


def _news(member: Member) -> list[tuple[str, str]]:
    return [(e["node"]["kind"], e["node"]["text"]) for e in member.run(INBOX)["notifications"]["edges"]]


async def test_search_finds_a_gathering_for_its_circle_only(api: Gateway, database: Database) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter", in_local_group=False)
    outsider, _, _ = founded(api)
    scheduled(place.host, place, "Open Space on leaving well", 5, agenda="Quillfeather rounds: what we carry.")
    local = plan("Leeds storytelling circle", 6, kind="STORYTELLING_CIRCLE", agenda="Quillfeather stories of Leeds.")
    place.host.run(SCHEDULE, n=place.network, l=place.local_group, g=local)
    await project(database)  # relays the outbox, which the indexer then reads
    await _indexed(api, database)

    assert sorted(_hits(amara)) == ["Leeds storytelling circle", "Open Space on leaving well"]
    assert _hits(ben) == ["Open Space on leaving well"]
    assert _hits(outsider) == []
    assert _hits(ben, "leaving well") == ["Open Space on leaving well"]  # by its title
    assert _hits(ben, "storytelling circle") == [] and _hits(outsider, "leaving well") == []


async def test_the_feed_shows_what_a_member_is_going_to(api: Gateway, database: Database) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, name) for name in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    cafe = scheduled(place.host, place, "Leeds World Café", 4, capacity=1)
    rsvp(ben, cafe), rsvp(chen, cafe)
    await project(database)

    assert _reasons(ben)["Leeds World Café"] == "you're going"
    assert _reasons(chen)["Leeds World Café"] == "you're on its waiting list"
    assert _reasons(amara)["Leeds World Café"] == "shared in Alumni Network"

    rsvp(ben, cafe, going=False)
    await project(database)
    assert _reasons(chen)["Leeds World Café"] == "you're going"
    assert _reasons(ben)["Leeds World Café"] != "you're going"


async def test_members_going_or_waiting_hear_of_changes(api: Gateway, database: Database) -> None:
    place = community(api)
    amara, ben, chen = (place.member(api, name) for name in ("Amara Okafor", "Ben Carter", "Chen Wei"))
    cafe = scheduled(place.host, place, "Leeds World Café", 4, capacity=1)
    rsvp(amara, cafe), rsvp(ben, cafe)
    rsvp(amara, cafe, going=False)
    place.host.run(EDIT, id=cafe, g=plan("Leeds World Café, upstairs", 4, capacity=1))
    await notify_all(database)
    assert [kind for kind, _ in _news(ben)] == ["GATHERING_CHANGED", "GATHERING_PLACE_OPENED"]
    assert _news(ben)[1][1] == "A place opened at “Leeds World Café, upstairs”: you're going, no longer waiting"
    assert _news(amara) == [] and _news(chen) == []

    place.host.run(CANCEL, id=cafe)
    await notify_all(database)
    assert _news(ben)[0] == ("GATHERING_CANCELLED", _news(ben)[0][1])
    assert "is cancelled" in _news(ben)[0][1]
    await project(database)
    assert "Leeds World Café, upstairs" not in _reasons(ben)
