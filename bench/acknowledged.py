"""After a load: is every write the server acknowledged there, exactly once, where its readers look for it?

Profiles and local groups read back (local groups also found once by search), stories shared with the network
(`bench.acknowledged_stories`) and meetings of peer groups, which stay confidential (`bench.acknowledged_meetings`).
Search and feeds are projections the consumers fill after the write: they get time to catch up.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import httpx

if TYPE_CHECKING:
    from bench.load import Load

T = TypeVar("T")
GROUPS = "query($n: ID!) { network(id: $n) { localGroups(first: 100) { totalCount edges { node { name } } } } }"
SEARCH = "query($q: String!) { search(query: $q, first: 100) { totalCount hits { title snippet } } }"
BIO = "query($id: ID!) { member(id: $id) { bio } }"
# How long the consumers may take to bring search and feeds up to date once the load stopped.
PATIENCE_SECONDS = 30.0


@dataclass
class Meeting:
    id: str
    peer_group: str
    # Protocol runs started at it, and the last notes written to it.
    runs: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass
class Acknowledged:
    # The last bio each member (by token) was told was saved.
    bios: dict[str, str] = field(default_factory=dict)
    local_groups: list[str] = field(default_factory=list)
    # Stories shared with the network, by id: their titles.
    stories: dict[str, str] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)

    def count(self) -> int:
        runs_and_notes = sum(len(m.runs) + bool(m.notes) for m in self.meetings)
        return len(self.bios) + len(self.local_groups) + len(self.stories) + len(self.meetings) + runs_and_notes


async def lost_profiles_and_groups(load: "Load", http: httpx.AsyncClient) -> list[str]:
    """Acknowledged bios and local groups that cannot be read back, or are not found exactly once."""
    lost = []
    for token, bio in load.acknowledged.bios.items():
        me = (await load.call(http, "verify", "{ me { id } }", token))["data"]["me"]["id"]
        profile = await load.call(http, "verify", BIO, token, id=me)
        lost += [f"bio {bio}"] if (profile.get("data") or {}).get("member", {}).get("bio") != bio else []
    listed = await load.call(http, "verify", GROUPS, load.tokens[0], n=load.network_id)
    names = [e["node"]["name"] for e in listed["data"]["network"]["localGroups"]["edges"]]
    groups = load.acknowledged.local_groups
    lost += [f"local group {name} (listed {names.count(name)} times)" for name in groups if names.count(name) != 1]
    if load.can_search:
        missing = await settled(lambda left: not_found_once(load, http, load.tokens[0], left), groups)
        lost += [f"local group {name} not found exactly once by search" for name in missing]
    return lost


async def settled(missing: Callable[[list[T]], Awaitable[list[T]]], items: list[T]) -> list[T]:
    """The items still `missing` once the consumers caught up, or when patience ran out."""
    deadline, left = time.monotonic() + PATIENCE_SECONDS, await missing(list(items))
    while left and time.monotonic() < deadline:
        await asyncio.sleep(1.0)
        left = await missing(left)
    return left


async def not_found_once(load: "Load", http: httpx.AsyncClient, token: str, titles: list[str]) -> list[str]:
    """The titles that `token`'s search for them does not find exactly once."""
    found = [await load.call(http, "verify", SEARCH, token, q=title) for title in titles]
    return [
        title
        for title, answer in zip(titles, found, strict=True)
        if [h["title"] for h in answer["data"]["search"]["hits"]].count(title) != 1
    ]
