"""The issue's scenario: stories shared in a peer group and a local group, a host's harvest citing both, the
peer-group author's consent, publication to the network and to a connected network, whose member reads the
harvest and never the peer group's uncited story."""

from infra.settings import Settings
from tests.harvests.flows import (
    ADD_ITEM,
    ANSWER,
    CREATE,
    PUBLISH,
    READ,
    REQUESTS,
    connected_network,
    leeds_round,
)
from tests.knowledge.community import recorded
from tests.support.graphql import Gateway


def test_a_harvest_reaches_a_connected_network_with_consent(api: Gateway, settings: Settings) -> None:
    r = leeds_round(api)
    other_host, reader = connected_network(api, r.place.host, r.place.network)
    harvest = r.place.host.run(
        CREATE, n=r.place.network, h={"title": "Leeds peer round", "gathering": "PEER_GROUP_ROUND"}
    )
    harvest = harvest["createHarvest"]["id"]
    r.place.host.run(
        ADD_ITEM,
        h=harvest,
        s="INSIGHTS",
        t="Silence before answering changed the room.",
        st=[r.confidential, r.local],
        rs=[],
    )
    r.place.host.run(ADD_ITEM, h=harvest, s="ACTIONS", t="Try a silent minute at every round.", st=[], rs=[])
    assert reader.fails(READ, id=harvest)[0]["message"] == "No such harvest."

    [blocked] = r.place.host.fails(PUBLISH, id=harvest)
    assert blocked["extensions"]["code"] == "CONFLICT"
    assert blocked["message"] == (
        f"The citation in insights item 1 (story {r.confidential}) waits for its author's "
        "consent; remove it or ask again."
    )
    assert "board" not in blocked["message"].lower()
    [request] = r.author.run(REQUESTS)["myCitationRequests"]
    assert request["storyId"] == r.confidential and request["citingItems"] == [
        "Silence before answering changed the room."
    ]
    assert r.author.run(ANSWER, id=request["id"], c=True)["answerCitationRequest"]["status"] == "given"

    published = r.place.host.run(PUBLISH, id=harvest)["publishHarvest"]
    assert sorted(published["audience"]) == sorted([f"network:{r.place.network}", f"network:{other_host}"])
    seen = reader.run(READ, id=harvest)["harvest"]
    insight = seen["items"][0]
    assert [s["title"] for s in insight["stories"]] == ["The board walked out", None]
    assert "Story: *The board walked out* — Amara Okafor" in seen["markdown"]
    assert "Draws on a story shared in a circle you are not part of." in seen["markdown"]
    everything = str(reader.run(READ, id=harvest)) + str(reader.run("{ stories { edges { node { title } } } }"))
    assert "Keeping the founder on" not in everything
    assert reader.fails("query($id: ID!) { story(id: $id) { title } }", id=r.uncited)[0]["message"] == "No such story."
    assert [
        h["node"]["title"] for h in reader.run("{ harvests { edges { node { title } } } }")["harvests"]["edges"]
    ] == ["Leeds peer round"]

    [event] = recorded(settings, "harvests.harvest.published")
    assert sorted(event.audience) == sorted(published["audience"])
    assert event.data["publication"]["path"] == f"/harvests/{harvest}"
    drafts = recorded(settings, "harvests.harvest.draft")
    assert drafts and all(row.data["publication"] is None for row in drafts)


def test_a_refused_consent_keeps_the_story_out(api: Gateway) -> None:
    r = leeds_round(api)
    harvest = r.place.host.run(CREATE, n=r.place.network, h={"title": "Round", "gathering": "STORYTELLING_CIRCLE"})
    harvest = harvest["createHarvest"]["id"]
    item = r.place.host.run(
        ADD_ITEM, h=harvest, s="PATTERNS", t="Boards test new leaders.", st=[r.confidential], rs=[]
    )["addHarvestItem"]
    [request] = r.author.run(REQUESTS)["myCitationRequests"]
    r.author.run(ANSWER, id=request["id"], c=False)
    assert r.place.host.fails(PUBLISH, id=harvest)[0]["extensions"]["code"] == "CONFLICT"
    r.place.host.run(
        "mutation($h: ID!, $i: ID!) { removeHarvestItem(harvestId: $h, harvestItemId: $i) { id } }",
        h=harvest,
        i=item["id"],
    )
    r.place.host.run(ADD_ITEM, h=harvest, s="PATTERNS", t="Boards test new leaders.", st=[], rs=[])
    assert r.place.host.run(PUBLISH, id=harvest)["publishHarvest"]["status"] == "published"
