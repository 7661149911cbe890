"""A bounded mixed workload against a running server, and the check that no acknowledged write was lost.

Members read their feeds and their network's pages, search, update their profiles, share stories with the
network and run meetings of their peer groups; the host opens local groups (`bench.load_mix`). Every write
the server acknowledged is remembered and checked afterwards (`bench.acknowledged`).
Run alone against a fresh `commons serve`: `python -m bench.load [SECONDS]`.
"""

import asyncio
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from bench.acknowledged import Acknowledged, lost_profiles_and_groups
from bench.acknowledged_meetings import lost_meetings
from bench.acknowledged_stories import lost_stories
from bench.client import Measured, served
from bench.load_mix import member_session
from bench.load_setup import prepare
from bench.report import Row, table
from infra.settings import Settings

Beside = Callable[[float], Awaitable[object]]
# Operations that are not the workload: building the community before, checking the writes after.
NOT_MEASURED = ("setup", "verify")


@dataclass
class Load:
    base_url: str
    # The served app's database and data dir: where the links it emails are read, as their recipients would.
    settings: Settings
    network_id: str = ""
    # Index 0 is the network's host; the others are members, in peer groups of three.
    tokens: list[str] = field(default_factory=list)
    member_ids: list[str] = field(default_factory=list)
    # Each peer group's id and its members' indexes.
    peer_groups: dict[str, list[int]] = field(default_factory=dict)
    measured: dict[str, Measured] = field(default_factory=lambda: defaultdict(Measured))
    acknowledged: Acknowledged = field(default_factory=Acknowledged)
    can_search: bool = False

    async def call(self, http: httpx.AsyncClient, action: str, query: str, token: str, **variables: object) -> dict:  # type: ignore[type-arg]
        """The answer's JSON when it was served (2xx without errors), else {}; either way measured under `action`."""
        started = time.perf_counter()
        try:
            response = await http.post(
                "/graphql", json={"query": query, "variables": variables}, headers={"authorization": f"Bearer {token}"}
            )
        except httpx.TransportError as error:
            self.measured[action].record(started, httpx.Response(599, text=repr(error)), served)
            return {}
        self.measured[action].record(started, response, served)
        return response.json() if served(response) else {}

    def peer_group_of(self, index: int) -> str | None:
        return next((group for group, seats in self.peer_groups.items() if index in seats), None)


@dataclass(frozen=True)
class Outcome:
    rows: list[Row]
    lost: list[str]
    # Per operation that had failed answers: the first distinct reasons, so a failing test says what failed.
    failures: dict[str, list[str]]


async def run(
    base_url: str, settings: Settings, seconds: float = 20.0, members: int = 12, beside: Beside | None = None
) -> Outcome:
    """The load; `beside(seconds)`, when given, runs alongside it once the community is built (a fault's burst)."""
    load = Load(base_url, settings)
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        await prepare(load, http, members)
        began = time.perf_counter()
        sessions = [member_session(load, http, i, began + seconds) for i in range(members + 1)]
        await asyncio.gather(*sessions, *([beside(seconds)] if beside else []))
        elapsed = time.perf_counter() - began
        # Stories before meetings: by then the consumers had the time to leak a meeting's notes, were they to.
        lost = [
            *await lost_profiles_and_groups(load, http),
            *await lost_stories(load, http),
            *await lost_meetings(load, http),
        ]
    failures = {name: m.reasons for name, m in sorted(load.measured.items()) if m.failures}
    return Outcome(rows(load, elapsed, lost), lost, failures)


def rows(load: Load, elapsed: float, lost: list[str]) -> list[Row]:
    work = {name: m for name, m in load.measured.items() if name not in NOT_MEASURED}
    total = sum(m.count for m in work.values())
    found = [
        Row("load: throughput", total / elapsed, "req/s"),
        Row("load: 5xx answers", sum(m.server_errors for m in load.measured.values()), "requests", target="0"),
        Row("load: 503 answers (busy)", sum(m.statuses[503] for m in load.measured.values()), "requests"),
        Row("load: failed answers", sum(m.failures for m in work.values()), "requests"),
        Row("load: acknowledged writes", load.acknowledged.count(), "writes"),
        Row("load: lost writes", len(lost), "writes", target="0"),
    ]
    for name, m in sorted(work.items()):
        found += [
            Row(f"load: {name} p50", m.percentile(50), "ms"),
            Row(f"load: {name} p99", m.percentile(99), "ms"),
            Row(f"load: {name} failed", m.failures, "requests", target="0"),
        ]
    return found


if __name__ == "__main__":
    from bench.serving import fresh_database, serving

    with fresh_database() as (url, folder):
        settings = {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder)}
        with serving(["-m", "commons.cli", "serve"], settings) as base:
            app = Settings(database_url=url, data_dir=folder)
            outcome = asyncio.run(run(base, app, float(sys.argv[1]) if len(sys.argv) > 1 else 20.0))
            failed = [f"{operation} failed: {reasons}" for operation, reasons in outcome.failures.items()]
            print(table(outcome.rows), *outcome.lost, *failed, sep="\n")
