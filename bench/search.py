"""Search: index throughput, latency through the raw engine and through the GraphQL endpoint, and freshness.

A `commons serve` (embedded) gets a member in real circles (bench.search_endpoint); then `100,000 x scale`
generated documents, some in those circles, become its engine's folder (on disk) while it is stopped: built once
per run and lent to each database's server in turn (bench.search_index), so its throughput is reported once.
Served again, the same searches (typos, prefixes, synonyms, facets) run as that member through `index.search`
(the raw engine call), through the composed schema executed in process, and through POST /graphql over HTTP
(the endpoint: the caller's check, GraphQL and JSON on top of the engine), and as a bare top-20 query of the same
words on the same index (no audiences, facets, highlights, typos or synonyms: what any search costs). The paths
take turns query by query (`in_turn`), so their ratios are not a slow minute of the machine falling on one of them.
Freshness: from the outbox commit of a story, through the relay, the runner and the indexer, until a search
finds it (bench.search_freshness).
Targets: endpoint p95 <= 1.5x raw, raw p95 <= 3x bare; freshness p99 < 100 ms. Alone: `python -m bench.search`.
"""

import argparse
import asyncio
import functools
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from bench.report import Row, percentile, table
from bench.search_data import QUERIES, viewer
from bench.search_endpoint import SEARCH, endpoint, member_in_circles
from bench.search_freshness import freshness
from bench.search_index import SharedIndex, shared
from bench.serving import fresh_database, serving
from infra.settings import Settings
from schema import build
from search.embedded import EmbeddedIndex
from search.embedded_store import Generation
from search.port import SearchIndex, SearchRequest

# 400 searches give each p95 its 20 slowest and each p99 its 4: enough to compare, and a third quicker than 600.
SEARCHES, WARM_UP = 400, 50
SCHEMA = build()


@dataclass
class Context:
    search: SearchIndex
    viewer_audiences: frozenset[str]
    request_id: str = "bench"
    # The search field reads the viewer's late seats and blocks; this reader has neither.
    viewer_sees_from: dict[str, datetime] = field(default_factory=dict)
    viewer: None = None


@dataclass(frozen=True)
class Served:
    base_url: str
    folder: Path
    token: str


def _ms(seconds: list[float], p: int) -> float:
    return percentile(seconds, p) * 1000


async def in_turn(paths: Sequence[Callable[[str], Awaitable[object]]], queries: list[str]) -> list[list[float]]:
    """Seconds per search on each path, the paths taking turns query by query: a slow spell of the machine falls
    on each alike, so their ratios hold still."""
    for query in queries[:WARM_UP]:
        for path in paths:
            await path(query)
    found: list[list[float]] = [[] for _ in paths]
    for query in queries:
        for times, path in zip(found, paths, strict=True):
            began = time.perf_counter()
            await path(query)
            times.append(time.perf_counter() - began)
    return found


async def _in_process(index: SearchIndex, request: SearchRequest) -> None:
    result = await SCHEMA.execute(SEARCH, {"q": request.query}, context_value=Context(index, request.audiences))
    assert result.errors is None, result.errors


def _endpoint_rows(raw: list[float], endpoint: list[float]) -> list[Row]:
    return [
        Row(
            f"search: GraphQL endpoint p{p}",
            _ms(endpoint, p),
            "ms",
            f"raw engine p{p}",
            _ms(raw, p),
            target="ratio <= 1.5" if p == 95 else "",
        )
        for p in (50, 95, 99)
    ]


def _engine_rows(raw: list[float], in_process: list[float], bare: list[float]) -> list[Row]:
    return [
        row
        for p in (50, 95, 99)
        for row in (
            Row(f"search: GraphQL in process p{p}", _ms(in_process, p), "ms", f"raw engine p{p}", _ms(raw, p)),
            Row(
                f"search: raw engine p{p}",
                _ms(raw, p),
                "ms",
                f"bare top-20 p{p}",
                _ms(bare, p),
                target="ratio <= 3" if p == 95 else "",
            ),
        )
    ]


async def _latencies(served: Served, queries: list[str], keys: frozenset[str], engine_too: bool) -> list[Row]:
    """The endpoint against the raw engine; with `engine_too`, the engine against the bare query and GraphQL
    in process (neither reads the database)."""
    folder = served.folder
    index = EmbeddedIndex(folder / "search")

    async def raw(query: str) -> None:
        # In a thread, as the resolver calls it: the loop stays free.
        await asyncio.to_thread(index.search, SearchRequest(query, keys))

    async def in_process(query: str) -> None:
        await _in_process(index, SearchRequest(query, keys))

    async def bare(query: str) -> None:
        await asyncio.to_thread(_bare, folder, query)

    async with endpoint(served.base_url, served.token) as through_http:
        paths = [raw, through_http, *([in_process, bare] if engine_too else [])]
        raw_times, endpoint_times, *engine = await in_turn(paths, queries)
    rows = _endpoint_rows(raw_times, endpoint_times)
    return rows + _engine_rows(raw_times, *engine) if engine_too else rows


def _bare(folder: Path, words: str) -> list[object]:
    """The top 20 of the words in title and text, and their stored documents: the engine's floor."""
    index = _generation(folder).index
    searcher = index.searcher()
    page = searcher.search(index.parse_query(words, ["title", "text"]), 20).hits
    return [searcher.doc(address) for _, address in page]


@functools.cache
def _generation(folder: Path) -> Generation:
    """The server's live index, opened once as the engine's own files (bypassing EmbeddedIndex's query plan)."""
    search = folder / "search"
    return Generation.open(search / (search / "CURRENT").read_text().strip())


def _freshness(folder: Path) -> list[float]:
    """On the full index, with a database of its own beside the (stopped) server's."""
    index, own = EmbeddedIndex(folder / "search"), folder / "freshness"
    own.mkdir()
    try:
        return asyncio.run(freshness(index, own))
    finally:
        index.close()  # tantivy's merges still write to the folder the run deletes next


def measure(count: int) -> list[Row]:
    """Every figure on the first database the index is lent to; on the next, those that read the database."""
    rng = random.Random(3)
    queries = [rng.choice(QUERIES) for _ in range(SEARCHES)]
    index = shared(count)
    first = not index.loans
    with fresh_database() as (url, folder):
        env = {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder)}
        with serving(["-m", "commons.cli", "serve"], env) as base_url:
            token, circles = asyncio.run(member_in_circles(base_url, Settings(database_url=url, data_dir=folder)))
        index.lend(folder / "search", circles)
        with serving(["-m", "commons.cli", "serve"], env) as base_url:
            rows = asyncio.run(_latencies(Served(base_url, folder, token), queries, viewer(circles), first))
        return [*_engine_alone(index, folder), *rows] if first else rows


def _engine_alone(index: SharedIndex, folder: Path) -> list[Row]:
    fresh = _freshness(folder)
    return [
        Row("search: index throughput (bulk rebuild)", index.throughput, "docs/s"),
        Row("search: freshness p50 (outbox commit to searchable)", _ms(fresh, 50), "ms"),
        Row("search: freshness p99 (outbox commit to searchable)", _ms(fresh, 99), "ms", target="< 100 ms"),
    ]


def main(scale: float = 1.0, documents: int | None = None) -> list[Row]:
    count = documents or int(100_000 * scale)
    return [replace(row, name=f"{row.name} [{count:,} docs]") for row in measure(count)]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=None, help="documents to index (default 100,000)")
    print(table(main(documents=parser.parse_args().documents)))
