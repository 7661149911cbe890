"""Search through the GraphQL endpoint: a real member of real circles, and their searches over HTTP.

The generated documents name circles by number (`network:0`, `local_group:0`, ...). `member_in_circles` builds,
through the API of a running `commons serve`, one member with a network, a local group and a peer group whose
contract they accepted; the documents then use those circles' keys for circle 0 of each kind, so the server's
own audience check grants the member the same share of the index a generated member has.
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx

from bench.client import Client
from bench.community import GROUP
from bench.load import Load
from bench.load_setup import prepare
from events import audience
from infra.settings import Settings

JOIN = "mutation($g: ID!) { joinLocalGroup(id: $g) { id } }"
SEARCH = """query ($q: String!) { search(query: $q, first: 20) {
  totalCount suggestion hits { id kind titleHtml snippet path practiceAreas authorName updatedAt }
  facets { field values { value count } } } }"""


async def member_in_circles(base_url: str, settings: Settings) -> tuple[str, dict[str, str]]:
    """The member's token, and the real key of each kind's circle 0 (`settings`: the served app's)."""
    load = Load(base_url, settings)
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        await prepare(load, http, members=3)
        host, member = load.tokens[0], load.tokens[1]
        group = (await load.call(http, "setup", GROUP, host, n=load.network_id, name="Leeds"))["data"]
        await load.call(http, "setup", JOIN, member, g=group["createLocalGroup"]["id"])
    circles = {
        audience.network("0"): audience.network(load.network_id),
        audience.local_group("0"): audience.local_group(group["createLocalGroup"]["id"]),
        audience.peer_group("0"): audience.peer_group(next(iter(load.peer_groups))),
    }
    return member, circles


@asynccontextmanager
async def endpoint(base_url: str, token: str) -> AsyncIterator[Callable[[str], Awaitable[None]]]:
    """A search as POST /graphql with the member's bearer token, one request at a time."""
    async with Client(base_url, 1, token) as http:

        async def search(query: str) -> None:
            answer = await http.post("/graphql", json={"query": SEARCH, "variables": {"q": query}})
            # Looked for in the bytes: parsing the answer would time the client's JSON, not the endpoint.
            assert answer.status_code == 200 and b'"errors"' not in answer.content, answer.text[:300]

        yield search
