"""`/readyz`: whether this gateway can serve, part by part. Always the database and the search engine (the
embedded index opens and reads; Meilisearch says it is healthy); the bus when it is Kafka (the in-process bus is
the database). 200 when every part answers, else 503; the body names each part's state."""

import asyncio
import logging
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from events.kafka_source import brokers_answer
from infra.native import in_thread
from services.gateway.process import Process

# Each part answers within this or counts as down: an orchestrator's probe must not hang on one.
PROBE_SECONDS = 2.0
log = logging.getLogger("commons.gateway")
Probe = Callable[[Process], Awaitable[bool]]


async def _database(runtime: Process) -> bool:
    return await runtime.db.reachable()


async def _bus(runtime: Process) -> bool:
    return await asyncio.to_thread(brokers_answer, runtime.settings, int(PROBE_SECONDS * 1000))


async def _search(runtime: Process) -> bool:
    return await in_thread(runtime.search.healthy)


def _parts(runtime: Process) -> dict[str, Probe]:
    kafka: dict[str, Probe] = {"bus": _bus} if runtime.settings.bus == "kafka" else {}
    return {"database": _database, **kafka, "search": _search}


async def _answers(name: str, probe: Probe, runtime: Process) -> bool:
    try:
        return await asyncio.wait_for(probe(runtime), PROBE_SECONDS + 1)
    except Exception as error:
        log.warning("readiness: %s is down: %r", name, error)
        return False


async def readyz(request: Request) -> Response:
    runtime: Process = request.app.state.runtime
    parts = _parts(runtime)
    answers = await asyncio.gather(*(_answers(name, probe, runtime) for name, probe in parts.items()))
    states = {name: "ok" if up else "unreachable" for name, up in zip(parts, answers, strict=True)}
    return JSONResponse(states, status_code=200 if all(answers) else 503)
