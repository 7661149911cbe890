"""The benchmarks' HTTP client, and a loop that keeps N of its requests in flight for a bounded time and counts
what came back.

The client is aiohttp's, whose HTTP parser is compiled: httpx spent about 1.5 ms of Python on each request on this
machine, five times what the server spends answering /healthz, so a benchmark through it measured its client (the
no-op route served 437 req/s through httpx and 4,785 through aiohttp in one probe). The tests' clients stay httpx.
"""

import asyncio
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bench.report import percentile


class Answer(Protocol):
    """What a measurement reads of an answer: a `Client`'s, or an httpx response (bench.load's)."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...


@dataclass(frozen=True)
class Answered:
    status_code: int
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode(errors="replace")

    def json(self) -> Any:
        return json.loads(self.content)


class Client:
    """Requests to one server, `concurrency` connections kept open, each answer read whole."""

    def __init__(self, base_url: str, concurrency: int = 1, token: str | None = None) -> None:
        self.base_url, self.concurrency = base_url, concurrency
        self.headers = {"authorization": f"Bearer {token}"} if token else {}
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "Client":
        connector = aiohttp.TCPConnector(limit=self.concurrency)
        timeout = aiohttp.ClientTimeout(total=30.0)
        self._session = aiohttp.ClientSession(self.base_url, headers=self.headers, connector=connector, timeout=timeout)
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._session is not None:
            await self._session.close()

    async def get(self, path: str, params: Mapping[str, str] | None = None) -> Answered:
        return await self._answer("GET", path, params=params)

    async def post(self, path: str, json: object) -> Answered:
        return await self._answer("POST", path, json=json)

    async def _answer(self, method: str, path: str, **options: Any) -> Answered:
        if self._session is None:
            raise RuntimeError("A Client answers inside `async with`.")
        async with self._session.request(method, path, **options) as response:
            return Answered(response.status, await response.read())


Send = Callable[[Client], Awaitable[Answer]]
# Whether an answer counts as served; a 2xx GraphQL body with "errors" is a failure too.
Check = Callable[[Answer], bool]


def served(response: Answer) -> bool:
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

    def record(self, started: float, response: Answer, check: Check) -> None:
        self.latencies.append(time.perf_counter() - started)
        self.statuses[response.status_code] += 1
        if not check(response):
            self.failures += 1
            self._remember(reason(response))

    def _remember(self, why: str, keep: int = 3) -> None:
        if why not in self.reasons and len(self.reasons) < keep:
            self.reasons.append(why)


def reason(response: Answer) -> str:
    """Why an answer failed, in a line: the GraphQL error messages, else the status and the start of the body."""
    try:
        body = json.loads(response.content)
    except ValueError:
        body = {}
    errors = (body.get("errors") if isinstance(body, dict) else None) or []
    messages = sorted({str(error.get("message", error)) for error in errors if isinstance(error, dict)})
    start = response.content[:120].decode(errors="replace")
    return "; ".join(messages) if messages else f"HTTP {response.status_code} {start!r}"


async def hammer(client: Client, send: Send, concurrency: int, seconds: float, check: Check = served) -> Measured:
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
    client: Client, sends: Sequence[Send], concurrency: int, seconds: float, rounds: int = 3
) -> list[Measured]:
    """Each of `sends` measured for `seconds` in all, in `rounds` turns taken one after another: a slow spell of
    the machine (another tenant, a collection) then falls on each alike, and their ratios hold still."""
    taken: list[list[Measured]] = [[] for _ in sends]
    for _ in range(rounds):
        for parts, send in zip(taken, sends, strict=True):
            parts.append(await hammer(client, send, concurrency, seconds / rounds))
    return [combined(parts) for parts in taken]


def _pending(scrape: str) -> float:
    """Events not yet handled, by the server's own gauges: the outbox backlog plus every consumer's lag."""
    wanted = {"commons_outbox_backlog", "commons_consumer_lag"}
    families = text_string_to_metric_families(scrape)
    return sum(sample.value for family in families if family.name in wanted for sample in family.samples)


async def until_settled(http: Client, patience: float = 300.0) -> None:
    """Waits until the server has relayed and handled every event written so far, so that what is measured next
    does not share the machine with projecting the data just seeded."""
    deadline = time.monotonic() + patience
    while _pending((await http.get("/metrics")).text):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server's events were not all handled within {patience:g} s")
        await asyncio.sleep(0.2)
