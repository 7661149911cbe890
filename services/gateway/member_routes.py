"""Services' HTTP routes for signed-in members (a calendar file): the gateway authenticates the caller as it
does for GraphQL and turns refusals into statuses, so a service's route handles only its own work."""

from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from infra.errors import DomainError
from infra.viewer import Viewer
from services.gateway.requests import HttpProblem
from services.gateway.viewers import identify

MemberHandler = Callable[[Request, Viewer], Awaitable[Response]]
STATUS = {"NOT_FOUND": 404, "FORBIDDEN": 403, "UNAUTHENTICATED": 401}


def for_members(handler: MemberHandler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            caller = await identify(request.app.state.runtime.db, request.headers, request.cookies)
            if caller.viewer is None:
                raise HttpProblem(401, "Sign in first.")
            return await handler(request, caller.viewer)
        except HttpProblem as refused:
            return JSONResponse({"error": refused.message}, refused.status)
        except DomainError as refused:
            return JSONResponse({"error": refused.message}, STATUS.get(refused.code, 400))

    return endpoint


def mounted(routes: Mapping[str, MemberHandler]) -> list[Route]:
    return [Route(path, for_members(handler), methods=["GET"]) for path, handler in routes.items()]
