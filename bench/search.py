"""Search: index throughput, latency through the raw engine and through GraphQL, and freshness, in one run.

Indexes `100,000 x scale` generated documents into the embedded engine (on disk), then runs the same searches
(typos, prefixes, synonyms, facets, as a member with five audience keys) through `index.search` and through
search's GraphQL part executed with a request context. Freshness: from the outbox commit of a story, through
the relay, the runner and the indexer, until a search finds it. Targets: GraphQL p95 < 20 ms, GraphQL
at most 2x raw, freshness p99 < 100 ms. Run alone: `python -m bench.search [--documents N]`.
"""

import argparse
import asyncio
import random
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path

import strawberry

from bench.report import Row, percentile, table
from bench.search_data import QUERIES, documents, viewer
from bench.search_freshness import freshness
from search.embedded import EmbeddedIndex
from search.graphql import Query
from search.port import SearchIndex, SearchRequest

SEARCHES, WARM_UP = 600, 50
SCHEMA = strawberry.Schema(query=Query)
GRAPHQL = """query ($q: String!) { search(query: $q, first: 20) {
  totalCount suggestion hits { id kind titleHtml snippet path practiceAreas authorName updatedAt }
  facets { field values { value count } } } }"""


@dataclass
class Context:
    search: SearchIndex
    viewer_audiences: frozenset[str]


def _ms(seconds: list[float], p: int) -> float:
    return percentile(seconds, p) * 1000


async def timed(calls: list[Callable[[], Awaitable[object]]]) -> list[float]:
    for call in calls[:WARM_UP]:
        await call()
    found = []
    for call in calls:
        began = time.perf_counter()
        await call()
        found.append(time.perf_counter() - began)
    return found


async def _graphql(index: SearchIndex, request: SearchRequest) -> None:
    result = await SCHEMA.execute(GRAPHQL, {"q": request.query}, context_value=Context(index, request.audiences))
    assert result.errors is None, result.errors


def _latency_rows(raw: list[float], graphql: list[float]) -> list[Row]:
    rows = [Row(f"search: GraphQL p{p}", _ms(graphql, p), "ms", f"raw engine p{p}", _ms(raw, p),
                target="value < 20 ms, ratio <= 2" if p == 95 else "")
            for p in (50, 95, 99)]  # fmt: skip
    return rows + [Row(f"search: raw engine p{p}", _ms(raw, p), "ms") for p in (50, 95, 99)]


async def measure(folder: Path, count: int) -> list[Row]:
    index = EmbeddedIndex(folder / "search")
    began = time.perf_counter()
    index.rebuild(documents(count))
    indexing = time.perf_counter() - began
    rng = random.Random(3)
    requests = [SearchRequest(rng.choice(QUERIES), viewer(rng)) for _ in range(SEARCHES)]

    async def raw(request: SearchRequest) -> None:
        await asyncio.to_thread(index.search, request)  # as the resolver calls it: the loop stays free

    raw_times = await timed([lambda r=r: raw(r) for r in requests])
    graphql_times = await timed([lambda r=r: _graphql(index, r) for r in requests])
    fresh = await freshness(index, folder)
    index.close()  # tantivy's merges still write to the folder the run deletes next
    return [
        Row("search: index throughput (bulk rebuild)", count / indexing, "docs/s"),
        *_latency_rows(raw_times, graphql_times),
        Row("search: freshness p50 (outbox commit to searchable)", _ms(fresh, 50), "ms"),
        Row("search: freshness p99 (outbox commit to searchable)", _ms(fresh, 99), "ms", target="< 100 ms"),
    ]


def main(scale: float = 1.0, documents: int | None = None) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="commons-search-bench-") as folder:
        rows = asyncio.run(measure(Path(folder), documents or int(100_000 * scale)))
    return [replace(row, name=f"{row.name} [{documents or int(100_000 * scale):,} docs]") for row in rows]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=None, help="documents to index (default 100,000)")
    print(table(main(documents=parser.parse_args().documents)))
