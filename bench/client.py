"""A small asyncio HTTP client that keeps N requests in flight for a bounded time and counts what came back."""

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

import httpx
from prometheus_client.parser import text_string_to_metric_families

from bench.report import percentile

Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]
# Whether an answer counts as served; a 2xx GraphQL body with "errors" is a failure too.
Check = Callable[[httpx.Response], bool]


def served(response: httpx.Response) -> bool:
    return response.status_code < 300 and b'"errors"' not in response.content


@dataclass
class Measured:
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: int = 0
    # The first few distinct reasons answers failed, so a failing run says what failed, not only how often.
    reasons: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Latency in milliseconds at percentile p (0-100)."""
        return percentile(self.latencies, p) * 1000 if self.latencies else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def record(self, started: float, response: httpx.Response, check: Check) -> None:
        self.latencies.append(time.perf_counter() - started)
        self.statuses[response.status_code] += 1
        if not check(response):
            self.failures += 1
            self._remember(reason(response))

    def _remember(self, why: str, keep: int = 3) -> None:
        if why not in self.reasons and len(self.reasons) < keep:
            self.reasons.append(why)


def reason(response: httpx.Response) -> str:
    """Why an answer failed, in a line: the GraphQL error messages, else the status and the start of the body."""
    try:
        errors = response.json().get("errors") or []
    except ValueError:
        errors = []
    messages = sorted({str(error.get("message", error)) for error in errors if isinstance(error, dict)})
    return "; ".join(messages) if messages else f"HTTP {response.status_code} {response.text[:120]!r}"


async def hammer(
    client: httpx.AsyncClient, send: Send, concurrency: int, seconds: float, check: Check = served
) -> Measured:
    """Runs `send` from `concurrency` workers until `seconds` have passed; each request is timed alone."""
    measured = Measured()
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        while (started := time.perf_counter()) < deadline:
            measured.record(started, await send(client), check)

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    measured.seconds = time.perf_counter() - began
    return measured


def combined(rounds: Sequence[Measured]) -> Measured:
    """One measurement of several rounds of the same requests."""
    whole = Measured()
    for part in rounds:
        whole.seconds += part.seconds
        whole.latencies += part.latencies
        whole.statuses += part.statuses
        whole.failures += part.failures
        whole.reasons += [why for why in part.reasons if why not in whole.reasons]
    whole.reasons = whole.reasons[:3]
    return whole


async def in_turn(
    client: httpx.AsyncClient, sends: Sequence[Send], concurrency: int, seconds: float, rounds: int = 3
) -> list[Measured]:
    """Each of `sends` measured for `seconds` in all, in `rounds` turns taken one after another: a slow spell of
    the machine (another tenant, a collection) then falls on each alike, and their ratios hold still."""
    taken: list[list[Measured]] = [[] for _ in sends]
    for _ in range(rounds):
        for parts, send in zip(taken, sends, strict=True):
            parts.append(await hammer(client, send, concurrency, seconds / rounds))
    return [combined(parts) for parts in taken]


def client(base_url: str, concurrency: int, token: str | None = None) -> httpx.AsyncClient:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=30.0)


def _pending(scrape: str) -> float:
    """Events not yet handled, by the server's own gauges: the outbox backlog plus every consumer's lag."""
    wanted = {"commons_outbox_backlog", "commons_consumer_lag"}
    families = text_string_to_metric_families(scrape)
    return sum(sample.value for family in families if family.name in wanted for sample in family.samples)


async def until_settled(http: httpx.AsyncClient, patience: float = 300.0) -> None:
    """Waits until the server has relayed and handled every event written so far, so that what is measured next
    does not share the machine with projecting the data just seeded."""
    deadline = time.monotonic() + patience
    while _pending((await http.get("/metrics")).text):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server's events were not all handled within {patience:g} s")
        await asyncio.sleep(0.2)
