"""Prepared first pages (services/feeds/prepared.py): a first page read again is served as it was kept, cheaper,
and whatever it depends on shows at the very next read: a new or withdrawn item, a dismissal, a block, the
member leaving the network, a network renamed, an item falling due later, an author joining a local
group or leaving the network."""

from datetime import timedelta

from sqlalchemy import select

from events import audience
from infra.columns import utcnow
from infra.database import Database
from services.feeds.tables import PreparedPage
from tests.feeds.support import (
    GROUP,
    JOIN,
    ident,
    member_of,
    network_with_group,
    project,
    publication,
    reasons,
    share,
    shared,
)
from tests.moderation.support import BLOCK
from tests.networks.test_removal import REMOVE
from tests.support.graphql import Gateway, Member
from tests.support.statements import counted

FEED = "{ feed(first: 10) { edges { node { id title reason } } } }"
DISMISS = "mutation($i: ID!) { dismiss(itemId: $i) }"
RENAME = "mutation($id: ID!, $n: String!) { updateNetwork(id: $id, name: $n) { id } }"
PLACES = "{ feed(first: 10) { edges { node { title localGroup { name } author { localGroups { name } } } } } }"


def titles(member: Member) -> set[str]:
    return {edge["node"]["title"] for edge in member.run(FEED)["feed"]["edges"]}


def statements(api: Gateway, member: Member) -> int:
    with counted(api.http.app.state.runtime.db, background=("events_",)) as ran:
        member.run(FEED)
    return len(ran)


def places(member: Member, title: str) -> tuple[str, set[str]]:
    """The local group of the item called `title` and its author's local groups, as the feed shows them."""
    node = next(edge["node"] for edge in member.run(PLACES)["feed"]["edges"] if edge["node"]["title"] == title)
    return node["localGroup"]["name"], {group["name"] for group in node["author"]["localGroups"]}


async def test_a_kept_page_holds_its_places_and_shows_an_author_joining_or_leaving_at_the_next_read(
    quiet_api: Gateway, database: Database
) -> None:
    host, network, leeds = network_with_group(quiet_api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    york = host.run(GROUP, n=network, name="York chapter", areas=["hosting"])["createLocalGroup"]["id"]
    amara = member_of(quiet_api, host, network, leeds, "Amara Okafor")
    ben = member_of(quiet_api, host, network, leeds, "Ben Carter")
    in_leeds = publication(title="Hosting well", local_group_id=leeds, author_id=amara.id, network_ids=[network])
    await share(database, shared(ident(), [audience.local_group(leeds)], in_leeds))
    await project(database)
    assert places(ben, "Hosting well") == ("Leeds chapter", {"Leeds chapter"})
    with counted(database, background=("events_",)) as ran:
        places(ben, "Hosting well")
    assert not [statement for statement in ran if "networks_local_group" in statement]

    amara.run(JOIN, g=york)
    await project(database)
    assert places(ben, "Hosting well") == ("Leeds chapter", {"Leeds chapter", "York chapter"})
    host.run(REMOVE, n=network, m=amara.id, r="Left the programme.")
    await project(database)
    assert places(ben, "Hosting well") == ("Leeds chapter", set())


async def test_a_page_read_again_is_kept_and_every_change_shows_at_the_next_read(
    quiet_api: Gateway, database: Database
) -> None:
    host, network, leeds = network_with_group(quiet_api, "Hana Host", "Northern Network", "Leeds chapter", ["hosting"])
    amara = member_of(quiet_api, host, network, leeds, "Amara Okafor")
    ben = member_of(quiet_api, host, network, leeds, "Ben Carter")
    chen = member_of(quiet_api, host, network, leeds, "Chen Wei")
    story, news, later = ident(), ident(), ident()
    in_leeds = publication(title="Hosting well", local_group_id=leeds, author_id=amara.id, network_ids=[network])
    await share(database, shared(story, [audience.local_group(leeds)], in_leeds))
    network_wide = publication(title="Network news", network_ids=[network])
    await share(database, shared(news, [audience.network(network)], network_wide))
    await project(database)
    ranked, kept = statements(quiet_api, ben), statements(quiet_api, ben)
    assert kept < ranked
    assert {"Hosting well", "Network news"} <= titles(ben)

    assert "Northern Network" in reasons(ben)["Network news"]
    host.run(RENAME, id=network, n="Northern Alumni")
    await project(database)
    assert "Northern Alumni" in reasons(ben)["Network news"]
    ben.run(DISMISS, i=news)
    assert "Network news" not in titles(ben)
    due = utcnow() + timedelta(days=2)
    await share(database, shared(later, [audience.network(network)], publication(title="Next month", at=due)))
    await project(database)
    assert "Next month" not in titles(ben)
    async with database.sessions() as session:
        assert await session.scalar(select(PreparedPage.good_until).where(PreparedPage.member_id == ben.id)) == due

    ben.run(BLOCK, m=amara.id)
    assert "Hosting well" not in titles(ben)
    assert "Hosting well" in titles(chen)
    await share(database, shared(story, [audience.local_group(leeds)], None))
    await project(database)
    assert "Hosting well" not in titles(chen)

    host.run(REMOVE, n=network, m=ben.id, r="Left the programme.")
    await share(database, shared(ident(), [audience.network(network)], publication(title="After he left")))
    await project(database)
    assert titles(ben) == set()
