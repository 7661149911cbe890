"""HTTP routes of peer groups: the group's meetings as an .ics file, for calendar apps (authenticated like GraphQL)."""

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from infra.columns import utcnow
from infra.errors import DomainError, NotFound
from services.gateway.requests import HttpProblem
from services.gateway.viewers import identify
from services.peer_groups.access import entered_group
from services.peer_groups.calendar import calendar
from services.peer_groups.queries import meetings_of

STATUS = {"NOT_FOUND": 404, "FORBIDDEN": 403, "UNAUTHENTICATED": 401}


async def meetings_ics(request: Request) -> Response:
    db = request.app.state.runtime.db
    try:
        caller = await identify(db, request.headers, request.cookies)
        if caller.viewer is None:
            raise HttpProblem(401, "Sign in first.")
        async with db.sessions() as session:
            group, seat = await entered_group(session, caller.viewer.account_id, request.path_params["group_id"])
            meetings = await meetings_of(session, group.id, seat.sees_from)
    except HttpProblem as refused:
        return JSONResponse({"error": refused.message}, refused.status)
    except DomainError as refused:
        status = STATUS.get(refused.code, 400)
        message = "No such peer group." if isinstance(refused, NotFound) else refused.message
        return JSONResponse({"error": message}, status)
    headers = {"content-disposition": 'attachment; filename="meetings.ics"', "cache-control": "private, no-store"}
    return Response(calendar(group, meetings, utcnow()), media_type="text/calendar; charset=utf-8", headers=headers)


routes: list[Route] = [Route("/peer-groups/{group_id}/meetings.ics", meetings_ics, methods=["GET"])]
