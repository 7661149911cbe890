"""What crypto-shredding costs the writer: events whose payload names a member (sealed with the member's key as the
outbox row is written) against events of the same size that name no one, written 100 to a transaction.
Alone: `python -m bench.sealing` (COMMONS_BENCH_DATABASE_URL picks PostgreSQL)."""

import asyncio
import time
from collections.abc import Callable

from bench.report import Row, table
from bench.serving import fresh_database
from events.catalogue import Payload, new_event
from events.outbox import record
from infra.database import Database
from services.networks.events import LocalGroupMemberJoined, MemberJoined

EVENTS = 2_000
BATCH = 100
MEMBERS = 200


def named(n: int) -> Payload:
    return MemberJoined(
        network_id="network", member_id=f"member-{n % MEMBERS}", member_name="Amara Okafor", role="member"
    )


def unnamed(n: int) -> Payload:
    return LocalGroupMemberJoined(local_group_id="group", network_id="network", member_id=f"member-{n % MEMBERS}")


async def writing(db: Database, count: int, payload: Callable[[int], Payload]) -> float:
    """Events written per second."""
    began = time.perf_counter()
    for start in range(0, count, BATCH):
        async with db.transaction() as session:
            record(
                session,
                [
                    new_event(payload(start + n), subject="subject", audience=["platform"], network=None)
                    for n in range(BATCH)
                ],
            )
    return count / (time.perf_counter() - began)


async def measured(url: str, count: int) -> tuple[float, float]:
    db = Database(url)
    try:
        plain = await writing(db, count, unnamed)
        sealed = await writing(db, count, named)
    finally:
        await db.dispose()
    return sealed, plain


def main(scale: float = 1.0) -> list[Row]:
    count = max(BATCH, int(EVENTS * scale) // BATCH * BATCH)
    with fresh_database() as (url, _):
        sealed, plain = asyncio.run(measured(url, count))
    return [
        Row(
            "events naming a member written (sealed)",
            sealed,
            "events/s",
            "events naming no one",
            plain,
            target="ratio >= 0.5",
        )
    ]


if __name__ == "__main__":
    print(table(main()))
