"""After a load: every story shared with the network is readable by another member of the network (the host,
who wrote none), found exactly once by their search, and in their feed exactly once."""

from collections import Counter
from typing import TYPE_CHECKING

import httpx

from bench.acknowledged import not_found_once, settled

if TYPE_CHECKING:
    from bench.load import Load

STORY = "query($id: ID!) { story(id: $id) { title } }"
FEED = """query($after: String) { feed(first: 100, after: $after) {
  edges { node { kind title } } pageInfo { hasNextPage endCursor } } }"""


async def lost_stories(load: "Load", http: httpx.AsyncClient) -> list[str]:
    reader, stories = load.tokens[0], load.acknowledged.stories
    lost = []
    for story, title in stories.items():
        read = await load.call(http, "verify", STORY, reader, id=story)
        if (read.get("data") or {}).get("story", {}).get("title") != title:
            lost.append(f"story {title} not readable by another member of the network")
    titles = list(stories.values())
    if load.can_search:
        unsearchable = await settled(lambda left: not_found_once(load, http, reader, left), titles)
        lost += [f"story {title} not found exactly once by search" for title in unsearchable]
    unfed = await settled(lambda left: not_once_in_feed(load, http, reader, left), titles)
    return lost + [f"story {title} not exactly once in another member's feed" for title in unfed]


async def not_once_in_feed(load: "Load", http: httpx.AsyncClient, token: str, titles: list[str]) -> list[str]:
    seen = Counter(await feed_titles(load, http, token))
    return [title for title in titles if seen[title] != 1]


async def feed_titles(load: "Load", http: httpx.AsyncClient, token: str) -> list[str]:
    """The titles of the stories in `token`'s whole feed, page after page."""
    titles: list[str] = []
    after = None
    while True:
        page = (await load.call(http, "verify", FEED, token, after=after))["data"]["feed"]
        titles += [edge["node"]["title"] for edge in page["edges"] if edge["node"]["kind"] == "STORY"]
        if not page["pageInfo"]["hasNextPage"]:
            return titles
        after = page["pageInfo"]["endCursor"]
