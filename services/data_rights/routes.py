"""The download of an export: the signed-in member's own archive, by its link's token, until the link expires.
The gateway mounts it for signed-in members only (`services/gateway/member_routes.py`)."""

from starlette.requests import Request
from starlette.responses import Response

from infra.viewer import Viewer
from services.data_rights.exports import PATH, archive_for


async def download(request: Request, viewer: Viewer) -> Response:
    runtime = request.app.state.runtime
    archive = await archive_for(runtime.db, request.path_params["token"], viewer.account_id, runtime.clock())
    headers = {
        "content-disposition": 'attachment; filename="practice-commons-data.zip"',
        "cache-control": "private, no-store",
    }
    return Response(archive, media_type="application/zip", headers=headers)


member_routes = {PATH + "{token}": download}
