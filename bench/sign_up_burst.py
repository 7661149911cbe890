"""A burst of sign-ups beside a member's searches: does password hashing hold up the rest of the server?

Against a fresh `commons serve` (one process, as `make run`): a member searches one request at a time, quietly
and then while 30 sign-ups arrive at once (each hashes a password with argon2). Reports the median search time of
each phase, the worst during the burst, and how long the burst took. Run alone: `python -m bench.sign_up_burst`.
"""

import asyncio
import statistics
import time

import httpx

from bench.report import Row, table
from bench.search_endpoint import SEARCH
from bench.serving import fresh_database, serving

BURST = 30
SIGN_UP = (
    'mutation($e: String!) { signUp(email: $e, password: "bench password 1", name: "Burst", forApi: true) { token } }'
)


async def _searches(http: httpx.AsyncClient, token: str, until: asyncio.Event | None, count: int) -> list[float]:
    headers, times = {"authorization": f"Bearer {token}"}, []
    while (until is None and len(times) < count) or (until is not None and not until.is_set()):
        began = time.perf_counter()
        answer = await http.post("/graphql", json={"query": SEARCH, "variables": {"q": "leadership"}}, headers=headers)
        assert answer.status_code == 200, answer.text[:300]
        times.append(time.perf_counter() - began)
    return times


async def _burst(http: httpx.AsyncClient, done: asyncio.Event) -> tuple[float, int]:
    """How long the burst took, and how many sign-ups it lost to errors."""
    began = time.perf_counter()
    variables = [{"e": f"burst{n}@bench.example.org"} for n in range(BURST)]
    answers = await asyncio.gather(*(http.post("/graphql", json={"query": SIGN_UP, "variables": v}) for v in variables))
    done.set()
    return time.perf_counter() - began, sum("errors" in answer.json() for answer in answers)


async def _measured(base_url: str) -> list[Row]:
    async with httpx.AsyncClient(base_url=base_url, timeout=120) as http:
        answer = await http.post("/graphql", json={"query": SIGN_UP, "variables": {"e": "searcher@bench.example.org"}})
        token = answer.json()["data"]["signUp"]["token"]
        quiet = await _searches(http, token, None, 20)
        done = asyncio.Event()
        busy, (took, failed) = await asyncio.gather(_searches(http, token, done, 0), _burst(http, done))
    calm, loaded = statistics.median(quiet) * 1000, statistics.median(busy) * 1000
    return [
        Row("search median, quiet", calm, "ms"),
        Row(f"search median during {BURST} sign-ups", loaded, "ms", "search median, quiet", calm, loaded / calm),
        Row(f"search worst during {BURST} sign-ups", max(busy) * 1000, "ms", target="well under the burst's time"),
        Row(f"{BURST} concurrent sign-ups", took, "s"),
        Row(f"sign-ups of the {BURST} that failed", failed, "", target="0"),
    ]


def main(scale: float = 1.0) -> list[Row]:
    with fresh_database() as (url, folder):
        # The burst's last sign-ups wait for the hashes before them: a budget per request must not cut them off.
        env = {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder), "COMMONS_REQUEST_BUDGET_SECONDS": "300"}
        with serving(["-m", "commons.cli", "serve"], env) as base:
            return asyncio.run(_measured(base))


if __name__ == "__main__":
    print(table(main()))
