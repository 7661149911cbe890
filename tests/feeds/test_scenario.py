"""Issue 7's scenario: two local groups in connected networks, both working on hosting, learn from each other."""

from events import audience
from infra.database import Database
from tests.feeds.support import (
    GROUP,
    connect,
    ident,
    member_of,
    network_with_group,
    project,
    publication,
    reasons,
    share,
    shared,
)
from tests.support.graphql import Gateway, Member


async def test_what_one_group_shares_reaches_the_other_group_with_reasons_and_withdrawals(
    api: Gateway, database: Database
) -> None:
    north_host, north, leeds = network_with_group(
        api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting", "boundary-crossing"]
    )
    south_host, south, bristol = network_with_group(api, "Sam Host", "Southern Network", "Bristol circle", ["hosting"])
    connect(north_host, north, south_host, south)
    amara = member_of(api, north_host, north, leeds, "Amara Okafor")
    ben = member_of(api, south_host, south, bristol, "Ben Carter")
    york = north_host.run(GROUP, n=north, name="York circle", areas=["boundary-crossing"])["createLocalGroup"]["id"]
    chen = member_of(api, north_host, north, york, "Chen Wei")
    story, harvest, secret, peer_group = ident(), ident(), ident(), ident()
    # The networks are connected: what Northern shares to its network also reaches Southern's members.
    across = [audience.network(north), audience.network(south)]
    await share(
        database,
        shared(
            story,
            across,
            publication(
                title="Hosting a world café in Leeds",
                practice_areas=["hosting"],
                network_ids=[north],
                local_group_id=leeds,
                author_id=amara.id,
            ),
        ),
        shared(
            harvest,
            across,
            publication(
                kind="harvest",
                title="What the Leeds gathering harvested",
                network_ids=[north],
                practice_areas=["hosting"],
            ),
        ),
        shared(
            secret,
            [audience.peer_group(peer_group)],
            publication(title="Quillfeather dilemma", peer_group_id=peer_group, author_id=amara.id),
        ),
    )
    await project(database)

    seen_by_ben = reasons(ben)
    assert seen_by_ben["Hosting a world café in Leeds"] == (
        "from Leeds chapter in Northern Network, a connected network, also working on hosting"
    )
    assert seen_by_ben["What the Leeds gathering harvested"] == (
        "harvest published by a connected network, Northern Network, also working on hosting"
    )
    assert "Quillfeather dilemma" not in seen_by_ben
    assert "Quillfeather dilemma" not in reasons(amara) and "Quillfeather dilemma" not in reasons(north_host)
    # Amara wrote the story: her own feed leaves it out; her host sees it from her group.
    assert "Hosting a world café in Leeds" not in reasons(amara)
    assert reasons(north_host)["Hosting a world café in Leeds"] == "from Leeds chapter"
    assert reasons(chen)["Hosting a world café in Leeds"] == "from Leeds chapter, also working on boundary-crossing"

    await share(database, shared(story, across, None))
    await project(database)
    assert "Hosting a world café in Leeds" not in reasons(ben)
    assert "Hosting a world café in Leeds" not in reasons(north_host)
    assert "What the Leeds gathering harvested" in reasons(ben)


async def test_an_item_whose_audience_narrows_leaves_the_feeds_that_may_no_longer_show_it(
    api: Gateway, database: Database
) -> None:
    north_host, north, _ = network_with_group(api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    south_host, south, bristol = network_with_group(api, "Sam Host", "Southern Network", "Bristol circle", ["hosting"])
    ben = member_of(api, south_host, south, bristol, "Ben Carter")
    resource = ident()
    found = publication(kind="resource", title="The Art of Hosting", network_ids=[north], practice_areas=["hosting"])
    await share(database, shared(resource, [audience.network(north), audience.network(south)], found))
    await project(database)
    assert "The Art of Hosting" in reasons(ben)

    await share(database, shared(resource, [audience.network(north)], found))
    await project(database)
    assert "The Art of Hosting" not in reasons(ben)
    assert "The Art of Hosting" in reasons(north_host)


WRITE = (
    "mutation($n: ID!, $a: String!, $t: String!) { writeStory(networkId: $n, audience: $a,"
    ' story: {kind: GOOD_NEWS, title: $t, body: "We hosted a world café.", practiceAreas: ["hosting"]})'
    " { id } }"
)
SHARE = "mutation($id: ID!, $a: String!) { shareStory(id: $id, audience: $a) { id } }"
WITHDRAW = "mutation($id: ID!) { withdrawStory(id: $id) { id } }"
HARVEST = (
    'mutation($n: ID!) { createHarvest(networkId: $n, harvest: {title: "What the Leeds café harvested",'
    ' gathering: WORLD_CAFE, practiceAreas: ["hosting"]}) { id } }'
)
ITEM = (
    "mutation($h: ID!, $s: [ID!]) { addHarvestItem(harvestId: $h, section: INSIGHTS,"
    ' text: "Hosting is listening first.", storyIds: $s) { id } }'
)
PUBLISH = "mutation($h: ID!) { publishHarvest(id: $h) { id } }"
PAIR = (
    'mutation($n: ID!, $m: [ID!]!) { formPeerGroup(networkId: $n, kind: "co_mentoring_pair", name: "Pair",'
    " memberIds: $m) { id } }"
)
ACCEPT_CONTRACT = "mutation($g: ID!) { acceptContract(peerGroupId: $g, version: 1) { id } }"


NESTED = "{ feed(first: 50) { edges { node { title author { name localGroups { name } } localGroup { name } } } } }"


def who_and_where(member: Member, title: str) -> tuple[str, list[str], str]:
    """A feed item's author, the author's local groups the member may see, and the group it was shared in."""
    node = next(e["node"] for e in member.run(NESTED)["feed"]["edges"] if e["node"]["title"] == title)
    groups = [group["name"] for group in node["author"]["localGroups"]]
    return node["author"]["name"], groups, node["localGroup"]["name"]


async def test_the_scenario_through_the_services_graphql(api: Gateway, database: Database) -> None:
    hana, north, leeds = network_with_group(
        api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting", "boundary-crossing"]
    )
    sam, south, bristol = network_with_group(api, "Sam Host", "Southern Network", "Bristol circle", ["hosting"])
    connect(hana, north, sam, south)
    york = hana.run(GROUP, n=north, name="York circle", areas=["boundary-crossing"])["createLocalGroup"]["id"]
    amara, chen = member_of(api, hana, north, leeds, "Amara Okafor"), member_of(api, hana, north, york, "Chen Wei")
    ben = member_of(api, sam, south, bristol, "Ben Carter")
    pair = amara.run(PAIR, n=north, m=[amara.id, chen.id])["formPeerGroup"]["id"]
    for member in (amara, chen):
        member.run(ACCEPT_CONTRACT, g=pair)
    story = amara.run(WRITE, n=north, a=audience.local_group(leeds), t="Hosting a world café in Leeds")["writeStory"]
    amara.run(SHARE, id=story["id"], a=audience.network(north))
    amara.run(WRITE, n=north, a=audience.peer_group(pair), t="Quillfeather dilemma")
    harvest = hana.run(HARVEST, n=north)["createHarvest"]["id"]
    hana.run(ITEM, h=harvest, s=[story["id"]])
    hana.run(PUBLISH, h=harvest)
    await project(database)

    assert reasons(chen)["Hosting a world café in Leeds"] == "from Leeds chapter, also working on boundary-crossing"
    assert reasons(chen)["Quillfeather dilemma"] == "from your peer group"
    assert reasons(ben)["What the Leeds café harvested"] == (
        "harvest published by a connected network, Northern Network, also working on hosting"
    )
    # Shared with its network, the story also reached the connected network; the peer-group story never did.
    assert reasons(ben)["Hosting a world café in Leeds"] == (
        "from Leeds chapter in Northern Network, a connected network, also working on hosting"
    )
    assert "Quillfeather dilemma" not in reasons(ben)
    assert who_and_where(chen, "Hosting a world café in Leeds") == ("Amara Okafor", ["Leeds chapter"], "Leeds chapter")
    # Ben sees where the story was shared (its reason names it), not Amara's circles in a network he is not in.
    assert who_and_where(ben, "Hosting a world café in Leeds") == ("Amara Okafor", [], "Leeds chapter")
    amara.run(WITHDRAW, id=story["id"])
    await project(database)
    assert "Hosting a world café in Leeds" not in reasons(ben) | reasons(chen) | reasons(hana)
