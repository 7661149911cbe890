"""Hostile requests against a running server: does `/healthz` keep answering while six of them are in flight?

Each hostile request is `{ me { id } me { id } ... }`, 990 repeats in 7 KB (under the token limit), its spacing
changed every time so no memory of documents can spare the server its work. Reported: `/healthz` latency
p50/p95 alone and while six hostile clients send one after another, and the hostile requests' own time to
their refusal; and the time to refuse a fragment fan-out bomb (2^18 fields from 700 bytes), alone.
Alone: `python -m bench.hostile`.
"""

import asyncio

from bench.client import Answer, Client, Measured, hammer
from bench.report import Row
from bench.serving import fresh_database, serving

HOSTILE = 6
SECONDS = 6.0
REPEATS = 990
# Each fragment spreads the previous one twice: 2^18 selections if expanded naively.
BOMB = "{ me { ...B18 } } fragment B0 on Account { name } " + " ".join(
    f"fragment B{i} on Account {{ ...B{i - 1} ...B{i - 1} }}" for i in range(1, 19)
)


def refused(response: Answer) -> bool:
    return response.status_code == 400 and b'"errors"' in response.content


def unrun(response: Answer) -> bool:
    """Refused before it ran: errors and no data (a JSON client gets 200, as GraphQL over HTTP says)."""
    return b'"errors"' in response.content and b'"data"' not in response.content


async def _under_attack(http: Client) -> tuple[Measured, Measured]:
    sent = 0

    async def hostile(c: Client) -> Answer:
        nonlocal sent
        sent += 1
        spacing = " " * (1 + sent % 7)
        return await c.post("/graphql", json={"query": "{" + f"{spacing}me {{ id }}" * REPEATS + " }"})

    attack = asyncio.create_task(hammer(http, hostile, HOSTILE, SECONDS, check=refused))
    await asyncio.sleep(0.5)  # the hostile clients are sending by now
    healthz = await hammer(http, lambda c: c.get("/healthz"), 1, SECONDS - 1.0)
    return healthz, await attack


async def _measure(base_url: str) -> list[Row]:
    async with Client(base_url, HOSTILE + 1) as http:
        alone = await hammer(http, lambda c: c.get("/healthz"), 1, SECONDS / 2)
        bomb = await hammer(http, lambda c: c.post("/graphql", json={"query": BOMB}), 1, SECONDS / 2, check=unrun)
        healthz, attack = await _under_attack(http)
    return [
        Row(
            "hostile: /healthz p50 under six hostile requests",
            healthz.percentile(50),
            "ms",
            "/healthz p50 alone",
            alone.percentile(50),
        ),
        Row(
            "hostile: /healthz p95 under six hostile requests",
            healthz.percentile(95),
            "ms",
            "/healthz p95 alone",
            alone.percentile(95),
            target="value <= 50",
        ),
        Row("hostile: time to refusal p50", attack.percentile(50), "ms"),
        Row("hostile: time to refusal p95", attack.percentile(95), "ms"),
        Row("hostile: requests not refused with a clear 400", attack.failures, "requests", target="0"),
        Row("hostile: fragment fan-out bomb, time to refusal p95", bomb.percentile(95), "ms", target="value <= 500"),
        Row("hostile: fan-out bombs not refused before running", bomb.failures, "requests", target="0"),
    ]


def main(scale: float = 1.0) -> list[Row]:
    """The same at every scale: the cost of a document does not depend on the data."""
    with fresh_database() as (url, folder):
        env = {"COMMONS_DATABASE_URL": url, "COMMONS_DATA_DIR": str(folder)}
        with serving(["-m", "bench.server"], env) as base_url:
            return asyncio.run(_measure(base_url))


if __name__ == "__main__":
    from bench.report import table

    print(table(main()))
