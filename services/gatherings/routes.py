"""HTTP routes of gatherings: a gathering as an .ics file, for members' calendars. The gateway mounts them for
signed-in members only (`services/gateway/member_routes.py`), authenticated like GraphQL."""

from starlette.requests import Request
from starlette.responses import Response

from infra.viewer import Viewer
from services.gatherings.access import visible
from services.gatherings.calendar import gathering_ics


async def gathering_calendar(request: Request, viewer: Viewer) -> Response:
    async with request.app.state.runtime.db.sessions() as session:
        gathering, _ = await visible(session, viewer, request.path_params["gathering_id"])
    headers = {"content-disposition": 'attachment; filename="gathering.ics"', "cache-control": "private, no-store"}
    return Response(gathering_ics(gathering), media_type="text/calendar; charset=utf-8", headers=headers)


member_routes = {"/gatherings/{gathering_id}/gathering.ics": gathering_calendar}
