"""Serves the web app: /static files and index.html for `/` and the client-side paths (the browser routes).

Keep these routes after every other route: the client paths are broad (/peer-groups/{rest}) and would shadow
server routes such as /peer-groups/{id}/meetings.ics.
"""

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).with_name("static")
# The first path segment of every page the app shows; feed items and search hits link to these.
SECTIONS: tuple[str, ...] = ("feed", "search", "sign-in", "sign-up", "networks", "local-groups", "members", "profile")
SECTIONS += ("stories", "resources", "harvests", "gatherings", "peer-groups", "coordinator", "notifications")
SECTIONS += ("verify-email", "forgot-password", "reset-password", "invitations")


async def page(request: Request) -> Response:
    # The shell never holds private data, but a fresh one picks up new app.js versions.
    return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})


async def not_found(request: Request, exc: Exception) -> Response:
    """A browser asking for a page that does not exist gets the app, which says so in its own words (404 kept)."""
    if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
        return FileResponse(STATIC / "index.html", status_code=404, headers={"cache-control": "no-cache"})
    return PlainTextResponse("Not Found", status_code=404)


def _section(name: str) -> list[Route]:
    return [Route(f"/{name}", page, methods=["GET"]), Route(f"/{name}/{{rest:path}}", page, methods=["GET"])]


routes: list[BaseRoute] = [
    Mount("/static", StaticFiles(directory=STATIC), name="static"),
    Route("/", page, methods=["GET"]),
    *(route for name in SECTIONS for route in _section(name)),
]
