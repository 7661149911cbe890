"""Hosts edit a harvest's title and summary; a published harvest's new text reaches feeds (and search) through
harvests.harvest.edited, with no second "published" for anyone to be told of. Others are refused; bad input
changes nothing."""

from infra.settings import Settings
from tests.harvests.flows import CREATE, PUBLISH
from tests.harvests.test_hidden_drafts import DRAFT, ITEM
from tests.knowledge.community import community, recorded
from tests.support.graphql import Gateway
from tests.support.pipeline import settle

EDIT = "mutation($id: ID!, $t: String!, $s: String!) { editHarvest(id: $id, title: $t, summary: $s) { title summary } }"
READ = "query($id: ID!) { harvest(id: $id) { title summary } }"
FEED = "{ feed(first: 20) { edges { node { id title excerpt } } } }"


def test_hosts_edit_a_published_harvests_title_and_summary(quiet_api: Gateway, settings: Settings) -> None:
    api = quiet_api
    place = community(api)
    ben = place.member(api, "Ben Carter")
    harvest = place.host.run(CREATE, n=place.network, h=DRAFT)["createHarvest"]["id"]
    place.host.run(ITEM, h=harvest)
    place.host.run(PUBLISH, id=harvest)
    edited = place.host.run(EDIT, id=harvest, t="Café: listening first", s="What **we** heard.")["editHarvest"]
    assert edited == {"title": "Café: listening first", "summary": "What **we** heard."}
    assert ben.run(READ, id=harvest)["harvest"]["title"] == "Café: listening first"
    settle(api)
    [card] = [e["node"] for e in ben.run(FEED)["feed"]["edges"] if e["node"]["id"] == harvest]
    assert card["title"] == "Café: listening first" and card["excerpt"].startswith("What we heard.")
    assert [e.type for e in recorded(settings, "harvests.harvest.")][-2:] == [
        "harvests.harvest.published",
        "harvests.harvest.edited",
    ]

    assert ben.fails(EDIT, id=harvest, t="Mine now", s="")[0]["extensions"]["code"] == "FORBIDDEN"
    [short] = place.host.fails(EDIT, id=harvest, t="x", s="A summary that must not be saved")
    assert short["extensions"]["code"] == "BAD_USER_INPUT"
    assert ben.run(READ, id=harvest)["harvest"] == edited
