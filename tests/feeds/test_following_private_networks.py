"""Following or muting something of a private network: a stranger gets what a made-up one gets, its members don't."""

import pytest

from infra.database import Database
from tests.feeds.support import member_of, network_with_group, project
from tests.support.graphql import Gateway, Member

AREA = 'mutation($n: ID!) { addPracticeArea(networkId: $n, name: "harbour rituals") }'
GROUP = (
    'mutation($n: ID!) { createLocalGroup(networkId: $n, name: "Harbour Leeds", practiceAreas: ["harbour rituals"])'
    " { id } }"
)
CHOOSE = "mutation($kind: InterestKind!, $id: ID!) {{ {verb}(kind: $kind, id: $id) {{ kind id stance }} }}"


async def _private(api: Gateway, database: Database) -> tuple[Member, Member, dict[str, str]]:
    """Hana's private network with an area of its own, worked on by its local group; Ivy is in it, Olive not."""
    hana, network, _ = network_with_group(api, "Hana Host", "Hidden Harbour", "Harbour York", ["hosting"])
    hana.run(AREA, n=network)
    group = hana.run(GROUP, n=network)["createLocalGroup"]["id"]
    ivy = member_of(api, hana, network, group, "Ivy Insider")
    olive = api.sign_up("Olive Stranger")
    olive.run('mutation { createNetwork(name: "Olive Grove", isPublic: true) { id } }')
    await project(database)
    return ivy, olive, {"PRACTICE_AREA": "harbour rituals", "LOCAL_GROUP": group, "NETWORK": network}


@pytest.mark.parametrize("verb", ["follow", "mute"])
async def test_a_stranger_is_told_a_private_networks_things_do_not_exist(
    api: Gateway, database: Database, verb: str
) -> None:
    ivy, olive, hidden = await _private(api, database)
    made_up = {"PRACTICE_AREA": "harbour secrets", "LOCAL_GROUP": "made-up-group", "NETWORK": "made-up-network"}
    for kind, target in hidden.items():
        refused = olive.fails(CHOOSE.format(verb=verb), kind=kind, id=target)
        assert refused == olive.fails(CHOOSE.format(verb=verb), kind=kind, id=made_up[kind]), kind
        assert refused[0]["extensions"]["code"] == "NOT_FOUND"
    assert olive.run("{ feedInterests { id } }")["feedInterests"] == []
    chosen = ivy.run(CHOOSE.format(verb=verb), kind="PRACTICE_AREA", id="Harbour  Rituals")[verb]
    assert chosen == [{"kind": "PRACTICE_AREA", "id": "harbour rituals", "stance": verb.upper()}]
