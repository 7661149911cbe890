"""Reading a GraphQL-over-HTTP request: method, media types, body size, and the operation's parameters."""

import json
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, OperationType, get_operation_ast, parse
from starlette.requests import Request

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class HttpProblem(Exception):
    """The request cannot be run at all; answered with `status` and one error."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Operation:
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None

    @property
    def changes_data(self) -> bool:
        """Whether the chosen operation is a mutation (unparseable queries are left to GraphQL to report)."""
        try:
            chosen = get_operation_ast(parse(self.query, max_tokens=10_000), self.operation_name)
        except GraphQLError:
            return False
        return chosen is not None and chosen.operation is OperationType.MUTATION


def response_media_type(accept: str | None) -> str:
    """The spec's negotiation: graphql-response+json when named; legacy JSON when named, wildcarded or no Accept
    is sent (a client that does not ask cannot be assumed to read the newer type); 406 for neither."""
    if not accept:
        return JSON
    offered = [part.split(";")[0].strip() for part in accept.split(",")]
    if GRAPHQL_RESPONSE in offered:
        return GRAPHQL_RESPONSE
    if JSON in offered or "*/*" in offered or "application/*" in offered:
        return JSON
    raise HttpProblem(406, f"This endpoint answers with {GRAPHQL_RESPONSE} or {JSON}.")


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HttpProblem(413, f"The request body is larger than {limit} bytes.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HttpProblem(413, f"The request body is larger than {limit} bytes.")
    return bytes(body)


def _decode_json(raw: str | bytes, what: str) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise HttpProblem(400, f"The {what} is not valid JSON.") from None


def _clean_text(value: Any) -> None:
    """Lone surrogates and NUL characters are valid JSON escapes but no database stores them: refuse them here."""
    if isinstance(value, str):
        if "\x00" in value or any("\ud800" <= char <= "\udfff" for char in value):
            raise HttpProblem(400, "Text must be valid Unicode without NUL characters.")
    elif isinstance(value, dict):
        for key, item in value.items():
            _clean_text(key)
            _clean_text(item)
    elif isinstance(value, list):
        for item in value:
            _clean_text(item)


def _operation(params: dict[str, Any], max_chars: int) -> Operation:
    query, variables, name = params.get("query"), params.get("variables"), params.get("operationName")
    if not isinstance(query, str) or not query.strip():
        raise HttpProblem(400, "The request has no GraphQL query.")
    if len(query) > max_chars:  # refused before parsing: a megabyte of query text takes a second to parse
        raise HttpProblem(400, f"The query is longer than {max_chars} characters; send data as variables.")
    if variables is not None and not isinstance(variables, dict):
        raise HttpProblem(400, "variables must be a JSON object.")
    if name is not None and not isinstance(name, str):
        raise HttpProblem(400, "operationName must be a string.")
    _clean_text([query, variables, name])
    return Operation(query, variables, name)


async def read_operation(request: Request, limit: int) -> Operation:
    max_chars = request.app.state.runtime.settings.max_document_chars
    if request.method == "GET":
        params: dict[str, Any] = dict(request.query_params)
        if "variables" in params:
            params["variables"] = _decode_json(params["variables"], "variables parameter")
        return _operation(params, max_chars)
    if request.headers.get("content-type", "").split(";")[0].strip() != JSON:
        raise HttpProblem(415, f"POST a {JSON} body.")
    params = _decode_json(await read_body(request, limit), "request body")
    if not isinstance(params, dict):
        raise HttpProblem(400, "The request body must be a JSON object.")
    return _operation(params, max_chars)
