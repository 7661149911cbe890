"""The server both paths of the gateway benchmark hit: the real app plus a hand-written JSON route.

It runs in a process of its own (`python -m bench.server [PROFILE_REPORT]`, settings from COMMONS_*), served by
uvicorn as `commons serve` does, so the client measuring it does not share its interpreter. The hand-written
route is the stack's limit: the same caller check and the same rows as the GraphQL members page, without GraphQL.
"""

import sys
from pathlib import Path

import uvicorn
from sqlalchemy import JSON, String, bindparam, text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from events import audience
from infra.runtime import Runtime
from infra.settings import Settings
from services.gateway.app import create_app
from services.gateway.viewers import identify

PAGE = text(
    "SELECT p.member_id, p.name, p.bio, p.practice_areas FROM networks_profiles p"
    " JOIN networks_memberships m ON m.member_id = p.member_id WHERE m.network_id = :network"
    " ORDER BY p.name, p.member_id LIMIT 21"
).columns(member_id=String, name=String, bio=String, practice_areas=JSON)
TOTAL = text("SELECT count(*) FROM networks_memberships WHERE network_id = :network")
GROUPS = text(
    "SELECT lgm.member_id, g.id, g.name, g.network_id FROM networks_local_group_members lgm"
    " JOIN networks_local_groups g ON g.id = lgm.local_group_id WHERE lgm.member_id IN :members ORDER BY g.name"
).bindparams(bindparam("members", expanding=True))


def _member(row, groups: list[dict[str, str]]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"id": row.member_id, "name": row.name, "bio": row.bio, "practiceAreas": row.practice_areas,
            "localGroups": groups}  # fmt: skip


async def members_page(request: Request) -> Response:
    """GET /limit/members?network=ID: the first 20 members with their local groups, as JSON."""
    db = request.app.state.runtime.db
    caller = await identify(db, request.headers, request.cookies)
    network_id = request.query_params.get("network", "")
    if caller.viewer is None or audience.network(network_id) not in caller.viewer.audiences:
        return JSONResponse({"error": "No such network."}, 404)
    async with db.sessions() as session:
        total = await session.scalar(TOTAL, {"network": network_id})
        rows = list(await session.execute(PAGE, {"network": network_id}))
        groups: dict[str, list[dict[str, str]]] = {row.member_id: [] for row in rows[:20]}
        for found in await session.execute(GROUPS, {"members": list(groups)}):
            if audience.network(found.network_id) in caller.viewer.audiences:
                groups[found.member_id].append({"id": found.id, "name": found.name})
    members = [_member(row, groups[row.member_id]) for row in rows[:20]]
    return JSONResponse({"totalCount": total, "hasNextPage": len(rows) > 20, "members": members})


def app_with_limit(settings: Settings) -> Starlette:
    app = create_app(Runtime(settings))
    app.router.routes.append(Route("/limit/members", members_page))
    return app


def serve(settings: Settings) -> None:
    uvicorn.run(app_with_limit(settings), host=settings.host, port=settings.port, log_level="warning")


def profiled(settings: Settings, report: Path) -> None:
    """Serves under pyinstrument and writes where the time went when the server stops."""
    from pyinstrument import Profiler

    with Profiler(async_mode="enabled") as profiler:
        serve(settings)
    report.write_text(profiler.output_text(unicode=True, show_all=False))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        profiled(Settings(), Path(sys.argv[1]))
    else:
        serve(Settings())
