"""GraphQL gateway throughput and latency against the stack's limit, on the same server and database.

Two realistic member queries, each served to the same signed-in host through POST /graphql and through a
hand-written Starlette JSON route reading the same rows (bench/limit.py): the feed page (20 items with their
authors, the authors' local groups and the items' groups) and the members page of a network (20 members with
their local groups, plus the total). A no-op route (/healthz) shows what the client and HTTP layer alone manage.
Data: 1,000 members and 10,000 stories' feed items per unit of scale (bench.community). Targets: GraphQL >= 0.5x
the limit's rps, and for the feed page >= 0.2x the no-op route's. Measured once the server has handled every event
of the seeded data, the paths of a page in turns (bench.client.in_turn), so their ratios hold still on a noisy
machine. Alone: `python -m bench.gateway [--profile]` (the profile
lands in bench/results/gateway-profile.txt).
"""

import asyncio
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.client import Answered, Client, Measured, hammer, in_turn, until_settled
from bench.community import Community, build, share_stories
from bench.report import Row
from bench.serving import fresh_database, serving
from infra.database import Database

CONCURRENCY = 10
WARM_UP_SECONDS = 1.5
SECONDS = 6.0
# At 10x: 10,000 members and 100,000 feed items.
MEMBERS, STORIES = 1_000, 10_000
FEED = (
    "{ feed(first: 20) { pageInfo { hasNextPage endCursor } edges { cursor node { id kind title excerpt reason"
    " publishedAt author { id name localGroups { id name networkId } } localGroup { id name networkId } } } } }"
)
MEMBERS_PAGE = (
    "query Members($id: ID!) { network(id: $id) { members(first: 20) { totalCount pageInfo { hasNextPage }"
    " edges { node { id name bio practiceAreas localGroups { id name } } } } } }"
)
PROFILE_REPORT = Path(__file__).parent / "results" / "gateway-profile.txt"


@dataclass(frozen=True)
class Page:
    name: str
    query: str
    limit_path: str
    target: str | None = None
    # Against the no-op route: what the HTTP layer alone serves on this machine in the same run.
    floor_target: str | None = None

    def variables(self, community: Community) -> dict[str, str]:
        return {"id": community.network_id} if "$id" in self.query else {}


PAGES = (
    Page("feed page", FEED, "/limit/feed", target="ratio >= 0.5", floor_target="ratio >= 0.2"),
    Page("members page", MEMBERS_PAGE, "/limit/members"),
)


def _rows(page: Page, graphql: Measured, limit: Measured, floor: Measured | None) -> list[Row]:
    base = f"gateway: {page.name}"
    floor_rows = []
    if floor is not None:
        goal = page.floor_target or ""
        floor_rows.append(
            Row(f"{base}, GraphQL rps", graphql.per_second, "req/s", "no-op route rps", floor.per_second, target=goal)
        )
    return [
        Row(
            f"{base}, GraphQL rps",
            graphql.per_second,
            "req/s",
            "hand-written JSON rps",
            limit.per_second,
            target=page.target,
        ),
        *floor_rows,
        Row(f"{base}, GraphQL p50", graphql.percentile(50), "ms", "hand-written JSON p50", limit.percentile(50)),
        Row(f"{base}, GraphQL p99", graphql.percentile(99), "ms", "hand-written JSON p99", limit.percentile(99)),
        Row(f"{base}, errors", graphql.failures + limit.failures, "requests", target="0"),
    ]


async def _measure_page(http: Client, page: Page, community: Community) -> tuple[list[Row], Measured | None]:
    """The page through GraphQL and the hand-written route, and the no-op route where the page has a target
    against it, measured in turns; with the no-op route's measurement."""
    body = {"query": page.query, "variables": page.variables(community)}
    params = {"network": community.network_id}

    async def graphql(c: Client) -> Answered:
        return await c.post("/graphql", json=body)

    async def limit(c: Client) -> Answered:
        return await c.get(page.limit_path, params=params)

    async def noop(c: Client) -> Answered:
        return await c.get("/healthz")

    for send in (graphql, limit):
        await hammer(http, send, CONCURRENCY, WARM_UP_SECONDS)
    measured = await in_turn(http, [graphql, limit, *([noop] if page.floor_target else [])], CONCURRENCY, SECONDS)
    floor = measured[2] if page.floor_target else None
    return _rows(page, measured[0], measured[1], floor), floor


async def _measure(base_url: str, community: Community) -> list[Row]:
    rows: list[Row] = []
    async with Client(base_url, CONCURRENCY, community.host_token) as http:
        await _until_fed(http)
        await until_settled(http)
        for page in PAGES:
            found, floor = await _measure_page(http, page, community)
            rows += found
            if floor is not None:
                rows.append(Row("gateway: no-op route (/healthz) rps", floor.per_second, "req/s"))
    return rows


async def _until_fed(http: Client, patience: float = 60.0) -> None:
    """Waits until the server's relay and feeds consumer have projected a full first page."""
    deadline = time.monotonic() + patience
    while len((await http.get("/limit/feed")).json()["items"]) < 20:
        if time.monotonic() > deadline:
            raise RuntimeError("the feed did not fill within a minute")
        await asyncio.sleep(0.2)


async def _seed_and_measure(base_url: str, url: str, scale: float) -> list[Row]:
    db = Database(url)
    try:
        members = round(MEMBERS * scale)
        community = await build(base_url, db, members=members, groups=max(10, members // 50))
        await share_stories(db, community, round(STORIES * scale))
    finally:
        await db.dispose()
    return await _measure(base_url, community)


def main(scale: float = 1.0, profile: bool = False) -> list[Row]:
    args = ["-m", "bench.server", *([str(PROFILE_REPORT)] if profile else [])]
    with (
        fresh_database() as (url, folder),
        serving(args, {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder)}) as base_url,
    ):
        return asyncio.run(_seed_and_measure(base_url, url, scale))


if __name__ == "__main__":
    from bench.report import table

    PROFILE_REPORT.parent.mkdir(parents=True, exist_ok=True)
    print(table(main(profile="--profile" in sys.argv)))
