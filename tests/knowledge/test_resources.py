"""Resources: duplicates merged by normalised URL, signed contributions, one changeable rating per member."""

from infra.settings import Settings
from tests.knowledge.community import community, recorded
from tests.support.graphql import Gateway

ADD = """mutation($n: ID!, $r: ResourceInput!, $p: Boolean) {
  addResource(networkId: $n, resource: $r, platformWide: $p) {
    merged resource { id title url authors year practiceAreas audience } } }"""
CONTRIBUTE = """mutation($id: ID!, $k: ContributionKind!, $t: String!) {
  contributeToResource(resourceId: $id, kind: $k, text: $t) { author { name } kind } }"""
RATE = "mutation($id: ID!, $s: Int!) { rateResource(resourceId: $id, stars: $s) { ratings { average count mine } } }"
READ = """query($id: ID!) { resource(id: $id) { contributions { kind text author { name } }
  ratings { average count mine } comments { kind body author { name } } reactions { reaction count mine } } }"""


def net_gains(url: str, **more: object) -> dict[str, object]:
    return {
        "kind": "BOOK",
        "title": "Net Gains",
        "url": url,
        "authors": ["Peter Plastrik", "Madeleine Taylor"],
        "practiceAreas": ["networks"],
        **more,
    }


def test_the_same_url_written_differently_is_merged_into_one_resource(api: Gateway, settings: Settings) -> None:
    place = community(api)
    amara = place.member(api, "Amara Okafor")
    first = amara.run(ADD, n=place.network, r=net_gains("https://www.Example.org/net-gains/"))["addResource"]
    again = place.host.run(
        ADD,
        n=place.network,
        r=net_gains(
            "HTTP://example.org/net-gains?utm_source=newsletter&utm_medium=email",
            year=2009,
            practiceAreas=["communities of practice"],
        ),
    )["addResource"]
    assert first["merged"] is False and again["merged"] is True
    assert again["resource"]["id"] == first["resource"]["id"]
    assert again["resource"]["year"] == 2009
    assert again["resource"]["practiceAreas"] == ["networks", "communities of practice"]
    other = amara.run(ADD, n=place.network, r=net_gains("https://example.org/net-gains?page=2"))["addResource"]
    assert other["merged"] is False
    listed = amara.run('{ resources(practiceArea: "communities of practice") { totalCount } }')["resources"]
    assert listed["totalCount"] == 1
    types = [row.type for row in recorded(settings, "knowledge.resource")]
    assert types == ["knowledge.resource.added", "knowledge.resource.merged", "knowledge.resource.added"]
    merged = recorded(settings, "knowledge.resource.merged")[0]
    assert merged.audience == [f"network:{place.network}"]
    assert merged.data["publication"]["path"] == f"/resources/{first['resource']['id']}"


def test_members_sign_contributions_and_rate_once_each(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    resource = amara.run(ADD, n=place.network, r=net_gains("https://example.org/ng"))["addResource"]["resource"]["id"]
    ben.run(CONTRIBUTE, id=resource, k="EXPERIENCE", t="We used chapter 3 to map our network.")
    amara.run(CONTRIBUTE, id=resource, k="EVALUATION_FINDING", t="Ties across sectors doubled in a year.")
    amara.run(RATE, id=resource, s=2)
    assert amara.run(RATE, id=resource, s=4)["rateResource"]["ratings"] == {"average": 4.0, "count": 1, "mine": 4}
    ben.run(RATE, id=resource, s=5)
    ben.run(
        'mutation($id: ID!) { comment(resourceId: $id, kind: REMINDS_ME, body: "…when we mapped Leeds.") { id } }',
        id=resource,
    )
    ben.run("mutation($id: ID!) { react(resourceId: $id, reaction: USEFUL) { count } }", id=resource)
    seen = amara.run(READ, id=resource)["resource"]
    assert [(c["kind"], c["author"]["name"]) for c in seen["contributions"]] == [
        ("EXPERIENCE", "Ben Carter"),
        ("EVALUATION_FINDING", "Amara Okafor"),
    ]
    assert seen["ratings"] == {"average": 4.5, "count": 2, "mine": 4}
    assert seen["comments"] == [
        {"kind": "REMINDS_ME", "body": "…when we mapped Leeds.", "author": {"name": "Ben Carter"}}
    ]
    assert seen["reactions"] == [{"reaction": "USEFUL", "count": 1, "mine": False}]
    assert amara.fails(RATE, id=resource, s=6)[0]["message"] == "A rating is 1 to 5 stars."


def test_outsiders_cannot_see_or_touch_a_network_resource(api: Gateway) -> None:
    place = community(api)
    resource = place.host.run(ADD, n=place.network, r=net_gains("https://example.org/ng"))["addResource"]
    stranger = api.sign_up("Sam Stranger")
    for query in (READ, RATE):
        [error] = stranger.fails(query, id=resource["resource"]["id"], s=3)
        assert error["message"] == "No such resource."
    [error] = stranger.fails(ADD, n=place.network, r=net_gains("https://example.org/x"))
    assert error["message"] == "No such network."
    wide = place.host.run(ADD, n=place.network, r=net_gains("https://example.org/wide"), p=True)["addResource"]
    assert wide["resource"]["audience"] == ["platform"]
    assert stranger.run("{ resources { edges { node { title } } } }")["resources"]["edges"] == [
        {"node": {"title": "Net Gains"}}
    ]
