"""With the database pool exhausted, requests wait or are refused clearly (503-style), never a 500 or a trace."""

import asyncio

import httpx
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from commons.runtime import Runtime
from infra.settings import Settings
from services.gateway.app import create_app
from tests.support.graphql import Gateway
from tests.support.live_schema import internal_errors, leaks

PAGE = "query($id: ID!) { network(id: $id) { members(first: 20) { totalCount edges { node { name localGroups { name } } } } } }"  # noqa: E501


def starved(settings: Settings) -> Runtime:
    """The real app's runtime with one pooled connection and a short wait for it."""
    runtime = Runtime(settings)
    engine = create_async_engine(settings.resolved_database_url, pool_size=1, max_overflow=0, pool_timeout=0.05)
    runtime.db.engine, runtime.db.sessions = engine, async_sessionmaker(engine, expire_on_commit=False)
    return runtime


async def crowd(runtime: Runtime, token: str, network: str, requests: int) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=create_app(runtime), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://commons", timeout=30) as client:
        body = {"query": PAGE, "variables": {"id": network}}
        headers = {"authorization": f"Bearer {token}"}
        return await asyncio.gather(*(client.post("/graphql", json=body, headers=headers) for _ in range(requests)))


def test_an_exhausted_pool_makes_requests_wait_or_refuses_them_clearly(api: Gateway, settings: Settings) -> None:
    host = api.sign_up("Hana Host")
    network = host.run('mutation { createNetwork(name: "Busy Network") { id } }')["createNetwork"]["id"]
    runtime = starved(settings)
    answers = asyncio.run(crowd(runtime, host.token, network, requests=60))
    asyncio.run(runtime.db.dispose())
    refused = [a for a in answers if a.status_code == 503 or (a.json().get("errors") and not a.json().get("data"))]
    for answer in answers:
        assert answer.status_code in (200, 503), answer.text[:300]
        assert not leaks(answer.text, PAGE) and not internal_errors(answer.json()), answer.text[:300]
    assert len(refused) < len(answers), "every request was refused"
