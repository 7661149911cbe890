"""After a load: is every write the server acknowledged readable, and (with search) found exactly once?"""

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from bench.load import Load

GROUPS = "query($n: ID!) { network(id: $n) { localGroups(first: 100) { totalCount edges { node { name } } } } }"
SEARCH = "query($q: String!) { search(query: $q, first: 100) { totalCount hits { title } } }"
BIO = "query($id: ID!) { member(id: $id) { bio } }"


async def lost_writes(load: "Load", http: httpx.AsyncClient) -> list[str]:
    """Acknowledged writes that cannot be read back (or, with search, are not found exactly once)."""
    lost = []
    for token, bio in load.bios.items():
        seen = await load.call(http, "verify", "{ me { id } }", token)
        me = seen["data"]["me"]["id"]
        profile = await load.call(http, "verify", BIO, token, id=me)
        lost += [f"bio {bio}"] if (profile.get("data") or {}).get("member", {}).get("bio") != bio else []
    listed = await load.call(http, "verify", GROUPS, load.tokens[0], n=load.network_id)
    names = [e["node"]["name"] for e in listed["data"]["network"]["localGroups"]["edges"]]
    lost += [f"local group {name} (listed {names.count(name)} times)" for name in load.groups if names.count(name) != 1]
    return lost + (await unsearchable(load, http) if load.can_search else [])


async def unsearchable(load: "Load", http: httpx.AsyncClient, patience: float = 30.0) -> list[str]:
    """Local groups not found exactly once by search, after waiting for the indexer to catch up."""
    deadline, missing = time.monotonic() + patience, list(load.groups)
    while missing and time.monotonic() < deadline:
        await asyncio.sleep(1.0)
        found = [await load.call(http, "verify", SEARCH, load.tokens[0], q=name) for name in missing]
        missing = [name for name, answer in zip(missing, found, strict=True)
                   if [h["title"] for h in answer["data"]["search"]["hits"]].count(name) != 1]  # fmt: skip
    return [f"local group {name} not found exactly once by search" for name in missing]
