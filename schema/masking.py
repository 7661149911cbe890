"""What clients see of errors: our own clear refusals and GraphQL's validation messages, nothing else.

Anything unexpected is logged with the request id (the exception's type and traceback, never the request's
data) and reaches the client only as "internal error" with that id. Runs for HTTP and WebSocket alike.
"""

import logging

from graphql import GraphQLError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from strawberry.extensions import MaskErrors

from infra.errors import DomainError, Unavailable

log = logging.getLogger("commons.graphql")


def internal_error(request_id: str, failure: BaseException | None, where: GraphQLError | None = None) -> GraphQLError:
    """Logs the failure (its type and traceback) and gives what the client may see of it, at the same place."""
    log.error("request %s failed: %s", request_id, type(failure).__name__, exc_info=failure)
    return GraphQLError(
        f"Internal error; quote request id {request_id}.",
        where.nodes if where else None,
        where.source if where else None,
        where.positions if where else None,
        where.path if where else None,
        extensions={"code": "INTERNAL", "requestId": request_id},
    )


def _is_expected(error: GraphQLError) -> bool:
    return error.original_error is None or isinstance(error.original_error, DomainError)


class ErrorMasking(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda _: True)

    def _request_id(self) -> str:
        return getattr(self.execution_context.context, "request_id", "?")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        if isinstance(error.original_error, PoolTimeout):
            error = GraphQLError(
                Unavailable().message,
                error.nodes,
                error.source,
                error.positions,
                error.path,
                original_error=Unavailable(),
            )
        if _is_expected(error):
            code = error.original_error.code if isinstance(error.original_error, DomainError) else "GRAPHQL_VALIDATION"
            return GraphQLError(
                error.message,
                error.nodes,
                error.source,
                error.positions,
                error.path,
                original_error=error.original_error,
                extensions={"code": code},
            )
        return internal_error(self._request_id(), error.original_error, error)
