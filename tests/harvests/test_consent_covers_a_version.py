"""A citation consent covers the version of the story its author consented to: a later edit reaches a published
harvest's readers only once the author, asked again, consents to it."""

from infra.settings import Settings
from tests.harvests.flows import ADD_ITEM, ANSWER, CREATE, PUBLISH, READ, REQUESTS, connected_network, leeds_round
from tests.knowledge.community import recorded
from tests.knowledge.test_stories import EDIT
from tests.support.graphql import Gateway

NEW_TEXT = {"title": "The board came back", "body": "Quillwort, the treasurer, phoned each of them."}


def test_an_edit_waits_for_fresh_consent_before_the_harvest_shows_it(api: Gateway, settings: Settings) -> None:
    r = leeds_round(api)
    _, reader = connected_network(api, r.place.host, r.place.network)
    harvest = r.place.host.run(CREATE, n=r.place.network, h={"title": "Leeds round", "gathering": "PEER_GROUP_ROUND"})
    harvest = harvest["createHarvest"]["id"]
    r.place.host.run(ADD_ITEM, h=harvest, s="INSIGHTS", t="Silence changed the room.", st=[r.confidential], rs=[])
    [asked] = r.author.run(REQUESTS)["myCitationRequests"]
    r.author.run(ANSWER, id=asked["id"], c=True)
    r.place.host.run(PUBLISH, id=harvest)
    consented = {"visible": True, "title": "The board walked out", "excerpt": "We listened.", "consent": "given"}
    assert reader.run(READ, id=harvest)["harvest"]["items"][0]["stories"] == [consented]

    r.author.run(EDIT, id=r.confidential, c=NEW_TEXT)
    seen = reader.run(READ, id=harvest)["harvest"]
    assert seen["items"][0]["stories"] == [{**consented, "consent": "pending"}]
    assert "Story: *The board walked out* — Amara Okafor" in seen["markdown"]
    assert "came back" not in str(seen) and "Quillwort" not in str(seen)
    # The group's members read the story as it is; its author is asked about the new version.
    insider = r.place.host.run(READ, id=harvest)["harvest"]["items"][0]["stories"]
    assert insider[0]["title"] == "The board came back"
    [again] = r.author.run(REQUESTS)["myCitationRequests"]
    assert (again["storyId"], again["status"]) == (r.confidential, "pending")
    group = recorded(settings, "knowledge.story.shared")[0].audience
    assert [e.audience for e in recorded(settings, "harvests.citation.requested")] == [group, group]

    r.author.run(ANSWER, id=again["id"], c=True)
    [story] = reader.run(READ, id=harvest)["harvest"]["items"][0]["stories"]
    assert story == {"visible": True, "title": "The board came back", "excerpt": NEW_TEXT["body"], "consent": "given"}
    r.author.run(ANSWER, id=again["id"], c=False)
    [story] = reader.run(READ, id=harvest)["harvest"]["items"][0]["stories"]
    assert story == {"visible": False, "title": None, "excerpt": None, "consent": "refused"}
