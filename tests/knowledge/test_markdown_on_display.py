"""A story written in Markdown reads as text wherever it is cut short: feed cards and search snippets show what the
rendered story says, never its `**`, `*`, `[text](url)` or `- ` marks; a harvest's summary reads as a page."""

from events.inprocess import InProcessBus
from events.runner import Runner
from infra.database import Database
from search import indexer
from tests.feeds.support import project
from tests.harvests.flows import CREATE
from tests.knowledge.community import WRITE, community, story
from tests.knowledge.test_shared_story_past import settings  # noqa: F401 (the fixture: no background workers)
from tests.support.graphql import Gateway

BODY = """We **really** *listened* to the [Quillfeather guide](https://example.org/guide) this time.

- one round of silence
- one round of _questions_
"""
SHOWN = "We really listened to the Quillfeather guide this time. one round of silence one round of questions"
FEED = "{ feed(first: 50) { edges { node { title excerpt } } } }"
SEARCH = '{ search(query: "Quillfeather") { hits { title snippet } } }'
MARKS = ("**", "](", "_questions_", "*listened*", "- one")


async def _indexed(api: Gateway, database: Database) -> None:
    """The gateway's own search index, fed by the indexer every event recorded so far (`project` relayed them)."""
    bus = InProcessBus(database)
    runner = Runner(indexer.consumer(lambda: api.runtime.search), database, bus)
    source = bus.source("indexer", indexer.SOURCES)
    while await runner.step(source, 0.01):
        pass


async def test_feed_excerpts_and_search_snippets_show_the_rendered_text(api: Gateway, database: Database) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    written = story("GOOD_NEWS", "Rounds that worked", BODY)
    amara.run(WRITE, n=place.network, a=f"network:{place.network}", s=written)
    await project(database)
    await _indexed(api, database)

    [card] = [edge["node"] for edge in ben.run(FEED)["feed"]["edges"] if edge["node"]["title"] == "Rounds that worked"]
    assert card["excerpt"] == SHOWN
    [hit] = ben.run(SEARCH)["search"]["hits"]
    assert "<mark>Quillfeather</mark> guide" in hit["snippet"]
    assert not any(mark in card["excerpt"] + hit["snippet"] for mark in MARKS)


def test_a_harvest_summary_reads_as_safe_html(api: Gateway) -> None:
    place = community(api)
    summary = "We **heard** [the guide](https://example.org) and [a trick](javascript:alert(1)).\n\n- silence"
    harvest = {"title": "Café on listening", "gathering": "WORLD_CAFE", "summary": summary}
    made = place.host.run(CREATE, n=place.network, h=harvest)["createHarvest"]["id"]
    shown = place.host.run("query($h: ID!) { harvest(id: $h) { summary summaryHtml } }", h=made)["harvest"]
    assert shown["summary"] == summary
    assert shown["summaryHtml"] == (
        '<p>We <strong>heard</strong> <a href="https://example.org" rel="noopener nofollow">the guide</a> and'
        " [a trick](javascript:alert(1)).</p>\n<ul>\n<li>silence</li>\n</ul>\n"
    )
