"""HTTP routes of peer groups: the group's meetings as an .ics file, for calendar apps. The gateway mounts them
for signed-in members only (`services/gateway/member_routes.py`), authenticated like GraphQL."""

from starlette.requests import Request
from starlette.responses import Response

from infra.columns import utcnow
from infra.viewer import Viewer
from services.peer_groups.access import entered_group
from services.peer_groups.calendar import calendar
from services.peer_groups.queries import meetings_of


async def meetings_ics(request: Request, viewer: Viewer) -> Response:
    async with request.app.state.runtime.db.sessions() as session:
        group, seat = await entered_group(session, viewer.account_id, request.path_params["group_id"])
        meetings = await meetings_of(session, group.id, seat.sees_from)
    headers = {"content-disposition": 'attachment; filename="meetings.ics"', "cache-control": "private, no-store"}
    return Response(calendar(group, meetings, utcnow()), media_type="text/calendar; charset=utf-8", headers=headers)


member_routes = {"/peer-groups/{group_id}/meetings.ics": meetings_ics}
