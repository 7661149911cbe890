"""GraphQL gateway throughput and latency against the stack's limit, on the same server and database.

Both paths serve the members page of a network (20 members with their local groups, plus the total) to the
same signed-in host: once through POST /graphql, once through a hand-written Starlette JSON route. A no-op
route (/healthz) shows what the client and HTTP layer alone manage. Target: GraphQL >= 0.5x the limit's rps.
Run alone: `python -m bench.gateway [--profile]` (the profile lands in bench/results/gateway-profile.txt).
"""

import asyncio
import sys
from pathlib import Path

import httpx

from bench.client import Measured, client, hammer
from bench.community import build
from bench.report import Row
from bench.serving import fresh_database, serving
from infra.database import Database

CONCURRENCY = 10
WARM_UP_SECONDS = 1.5
SECONDS = 6.0
MEMBERS = 200
QUERY = (
    "query Members($id: ID!) { network(id: $id) { members(first: 20) { totalCount pageInfo { hasNextPage }"
    " edges { node { id name bio practiceAreas localGroups { id name } } } } } }"
)
PROFILE_REPORT = Path(__file__).parent / "results" / "gateway-profile.txt"


def _rows(graphql: Measured, limit: Measured, floor: Measured) -> list[Row]:
    base = "gateway: members page"
    return [
        Row(f"{base}, GraphQL rps", graphql.per_second, "req/s", "hand-written JSON rps", limit.per_second,
            target="ratio >= 0.5"),
        Row(f"{base}, GraphQL p50", graphql.percentile(50), "ms", "hand-written JSON p50", limit.percentile(50)),
        Row(f"{base}, GraphQL p99", graphql.percentile(99), "ms", "hand-written JSON p99", limit.percentile(99)),
        Row(f"{base}, errors", graphql.failures + limit.failures, "requests", target="0"),
        Row("gateway: no-op route (/healthz) rps", floor.per_second, "req/s", "hand-written JSON rps",
            limit.per_second),
    ]  # fmt: skip


async def _measure(base_url: str, token: str, network_id: str) -> list[Row]:
    async with client(base_url, CONCURRENCY, token) as http:

        async def graphql(c: httpx.AsyncClient) -> httpx.Response:
            return await c.post("/graphql", json={"query": QUERY, "variables": {"id": network_id}})

        async def limit(c: httpx.AsyncClient) -> httpx.Response:
            return await c.get("/limit/members", params={"network": network_id})

        for send in (graphql, limit):
            await hammer(http, send, CONCURRENCY, WARM_UP_SECONDS)
        floor = await hammer(http, lambda c: c.get("/healthz"), CONCURRENCY, SECONDS / 2)
        measured_limit = await hammer(http, limit, CONCURRENCY, SECONDS)
        measured_graphql = await hammer(http, graphql, CONCURRENCY, SECONDS)
    return _rows(measured_graphql, measured_limit, floor)


async def _seed_and_measure(base_url: str, url: str, scale: float) -> list[Row]:
    db = Database(url)
    try:
        members = round(MEMBERS * scale)
        community = await build(base_url, db, members=members, groups=max(10, members // 20))
    finally:
        await db.dispose()
    return await _measure(base_url, community.host_token, community.network_id)


def main(scale: float = 1.0, profile: bool = False) -> list[Row]:
    args = ["-m", "bench.server", *([str(PROFILE_REPORT)] if profile else [])]
    with fresh_database() as (url, folder), serving(args, {"COMMONS_DATABASE_URL": url,
                                                           "COMMONS_DATA_DIR": str(folder)}) as base_url:  # fmt: skip
        return asyncio.run(_seed_and_measure(base_url, url, scale))


if __name__ == "__main__":
    from bench.report import table

    PROFILE_REPORT.parent.mkdir(parents=True, exist_ok=True)
    print(table(main(profile="--profile" in sys.argv)))
