"""A draft harvest is its network's hosts' alone: anyone else, a stranger or a member of the network, is answered
for it exactly as for a made-up id, by the same statements, so neither the answer nor its cost tells it exists."""

import uuid

import pytest

from tests.harvests.flows import CREATE
from tests.knowledge.community import community
from tests.support.graphql import Gateway, Member
from tests.support.statements import counted

ITEM = """mutation($h: ID!) { addHarvestItem(harvestId: $h, section: INSIGHTS, text: "Hosts listen first") {
  id text } }"""
# Each path pointing at a harvest: the document, with $h the harvest's id.
PATHS = {
    "harvest": "query($h: ID!) { harvest(id: $h) { title summary } }",
    "addHarvestItem": ITEM,
    "removeHarvestItem": "mutation($h: ID!) { removeHarvestItem(harvestId: $h, harvestItemId: $h) { title } }",
    "publishHarvest": "mutation($h: ID!) { publishHarvest(id: $h) { title } }",
    "editHarvest": 'mutation($h: ID!) { editHarvest(id: $h, title: "Ours now", summary: "") { title } }',
}
DRAFT = {"title": "Café on listening", "gathering": "WORLD_CAFE", "summary": "What the draft keeps to its hosts"}


def _answer(api: Gateway, caller: Member, document: str, harvest: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The errors (code, message) the caller gets, and the statements answering took."""
    with counted(api.http.app.state.runtime.db) as statements:
        body = api.post(document, {"h": harvest}, caller.token)
    assert "Café on listening" not in str(body) and "keeps to its hosts" not in str(body)
    return [(e["extensions"]["code"], e["message"]) for e in body["errors"]], list(statements)


@pytest.mark.parametrize("path", PATHS)
def test_a_draft_reads_as_missing_the_same_way_to_all_but_its_hosts(quiet_api: Gateway, path: str) -> None:
    place = community(quiet_api)
    draft = place.host.run(CREATE, n=place.network, h=DRAFT)["createHarvest"]["id"]
    place.host.run(ITEM, h=draft)
    callers = {"stranger": quiet_api.sign_up("Olive Stranger"), "member": place.member(quiet_api, "Ben Carter")}
    for name, caller in callers.items():
        hidden = _answer(quiet_api, caller, PATHS[path], draft)
        assert hidden == _answer(quiet_api, caller, PATHS[path], str(uuid.uuid4())), name
        assert [code for code, _ in hidden[0]] == ["NOT_FOUND"], name
