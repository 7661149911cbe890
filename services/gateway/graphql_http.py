"""GraphQL over HTTP, following the GraphQL-over-HTTP spec: GET for queries, POST for all, proper statuses."""

import json
from typing import Any

from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.requests import Request
from starlette.responses import Response
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from infra.context import RequestContext
from infra.errors import Unavailable
from infra.native import is_panic
from schema.masking import internal_error
from services.gateway.graphiql import graphiql_page
from services.gateway.requests import GRAPHQL_RESPONSE, HttpProblem, Operation, read_operation, response_media_type
from services.gateway.viewers import check_csrf, identify

QUERIES_ONLY = (OperationType.QUERY,)
ALL_OPERATIONS = (OperationType.QUERY, OperationType.MUTATION)


def _wants_ide(request: Request) -> bool:
    return (
        request.method == "GET"
        and "query" not in request.query_params
        and "text/html" in request.headers.get("accept", "")
    )


def _ran(result: ExecutionResult) -> bool:
    """Parse and validation errors carry no path: a request refused before execution, whose answer has no data."""
    return result.data is not None or any(error.path is not None for error in result.errors or ())


def _body(result: ExecutionResult) -> dict[str, Any]:
    body: dict[str, Any] = {"data": result.data} if _ran(result) else {}
    if result.errors:
        body["errors"] = [error.formatted for error in result.errors]
    return body


def problem(message: str, code: str) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


def _json(body: dict[str, Any], status: int, media_type: str) -> Response:
    return Response(json.dumps(body, default=str), status_code=status, media_type=media_type)


def _unrunnable(refused: InvalidOperationTypeError | CannotGetOperationTypeError) -> HttpProblem:
    """Strawberry picks the operation before running anything; when it cannot run what it picked, say why."""
    if isinstance(refused, CannotGetOperationTypeError):
        name = refused.operation_name
        return HttpProblem(
            400, f"The document has no operation named {name!r}." if name else "The document holds no operation."
        )
    if refused.operation_type is OperationType.SUBSCRIPTION:
        return HttpProblem(400, "Subscriptions run over WebSocket (graphql-transport-ws) at /graphql.")
    # On GET with several operations and no operationName, Strawberry judges the document by its first one.
    return HttpProblem(405, "Send mutations with POST (or name the query to run with operationName).")


async def _execute(request: Request, operation: Operation, context: RequestContext) -> ExecutionResult:
    try:
        result: ExecutionResult = await request.app.state.schema.execute(
            operation.query,
            variable_values=operation.variables,
            context_value=context,
            operation_name=operation.operation_name,
            allowed_operation_types=QUERIES_ONLY if request.method == "GET" else ALL_OPERATIONS,
        )
        return result
    except (InvalidOperationTypeError, CannotGetOperationTypeError) as refused:
        raise _unrunnable(refused) from None


async def _context(request: Request) -> RequestContext:
    runtime = request.app.state.runtime
    caller = await identify(runtime.db, request.headers, request.cookies)
    if request.method == "POST":
        check_csrf(caller, request.headers)
    return RequestContext(
        settings=runtime.settings,
        db=runtime.db,
        viewer=caller.viewer,
        request_id=request.state.request_id,
        client_address=request.client.host if request.client else "unknown",
        runtime=runtime,
        session_token=caller.token,
    )


async def graphql_http(request: Request) -> Response:
    if _wants_ide(request):
        return graphiql_page()
    media_type = GRAPHQL_RESPONSE
    try:
        media_type = response_media_type(request.headers.get("accept"))
        operation = await read_operation(request, request.app.state.runtime.settings.max_body_bytes)
        if request.method == "GET" and operation.changes_data:
            raise HttpProblem(405, "Send mutations with POST.")
        context = await _context(request)
        result = await _execute(request, operation, context)
    except HttpProblem as refused:
        return _json(problem(refused.message, "BAD_REQUEST"), refused.status, media_type)
    except PoolTimeout:
        return _json(problem(Unavailable().message, Unavailable.code), 503, media_type)
    except BaseException as failure:
        # A native panic that no resolver turned into an error (see infra.native) passes GraphQL's error handling.
        if not is_panic(failure):
            raise
        return _json({"errors": [internal_error(request.state.request_id, failure).formatted]}, 500, media_type)
    status = 400 if not _ran(result) and media_type == GRAPHQL_RESPONSE else 200
    if any((error.extensions or {}).get("code") == Unavailable.code for error in result.errors or ()):
        status = 503
    response = _json(_body(result), status, media_type)
    for morsel in context.cookies.values():
        response.headers.append("set-cookie", morsel.OutputString())
    return response
