"""The stack's limit: hand-written Starlette JSON routes serving the same rows as the GraphQL pages they mirror.

Each checks the caller as the gateway does and reads the same rows in one session, without GraphQL's parsing,
validation, resolver tree or per-batch sessions.
"""

from sqlalchemy import JSON, String, bindparam, text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from events import audience
from services.feeds import prepared
from services.feeds.authors import FeedGroup
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
    return {
        "id": row.member_id,
        "name": row.name,
        "bio": row.bio,
        "practiceAreas": row.practice_areas,
        "localGroups": groups,
    }


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


def _group(group: FeedGroup | None) -> dict[str, str] | None:
    return group and {"id": group.id, "name": group.name, "networkId": group.network_id}


async def feed_page(request: Request) -> Response:
    """GET /limit/feed: the caller's first 20 feed items with their authors, authors' groups and item groups."""
    db = request.app.state.runtime.db
    viewer = (await identify(db, request.headers, request.cookies)).viewer
    if viewer is None:
        return JSONResponse({"error": "Sign in to read your feed."}, 401)
    page = await prepared.feed_page(db, viewer, 20, None)
    ranked, places = page.ranked, page.places
    items = [
        {
            "id": row.id,
            "kind": row.kind,
            "title": row.title,
            "excerpt": row.excerpt,
            "reason": placed.reason,
            "publishedAt": row.published_at.isoformat(),
            "localGroup": _group(places.groups.get(row.local_group_id or "")),
            "author": row.author_id
            and {
                "id": row.author_id,
                "name": row.author_name,
                "localGroups": [_group(g) for g in places.circles.get(row.author_id, [])],
            },
        }
        for row, placed in ranked[:20]
    ]
    return JSONResponse({"hasNextPage": len(ranked) > 20, "items": items})


routes = [Route("/limit/members", members_page), Route("/limit/feed", feed_page)]
