"""The GraphQL-over-HTTP spec as clients meet it: methods, media types, statuses, and refusals of bad input."""

import json

import pytest

from tests.support.graphql import Gateway

GRAPHQL_RESPONSE = "application/graphql-response+json"


def post(api: Gateway, body: bytes | str, **headers: str):  # type: ignore[no-untyped-def]
    return api.http.post("/graphql", content=body, headers={"content-type": "application/json", **headers})


def test_queries_work_over_get_and_post(api: Gateway) -> None:
    by_get = api.http.get("/graphql", params={"query": "{ me { name } }"}, headers={"accept": GRAPHQL_RESPONSE})
    by_post = post(api, json.dumps({"query": "{ me { name } }"}))
    assert (by_get.status_code, by_get.headers["content-type"]) == (200, GRAPHQL_RESPONSE)
    assert by_get.json() == by_post.json() == {"data": {"me": None}}


def test_mutations_over_get_are_refused(api: Gateway) -> None:
    response = api.http.get("/graphql", params={"query": "mutation { signOut }"})
    assert response.status_code == 405
    assert response.json()["errors"][0]["message"] == "Send mutations with POST."


OVER_WEBSOCKET = "Subscriptions run over WebSocket (graphql-transport-ws) at /graphql."


@pytest.mark.parametrize(
    ("method", "query", "status", "message"),
    [
        (
            "GET",
            "mutation A { signOut } query B { me { id } }",
            405,
            "Send mutations with POST (or name the query to run with operationName).",
        ),
        ("GET", "subscription { feedItems { id } }", 400, OVER_WEBSOCKET),
        ("POST", "subscription { feedItems { id } }", 400, OVER_WEBSOCKET),
        ("POST", "fragment F on Query { me { id } }", 400, "The document holds no operation."),
    ],
)
def test_operations_http_cannot_run_are_refused_clearly(
    api: Gateway, method: str, query: str, status: int, message: str
) -> None:
    """GraphQL picks the operation before it runs: one this endpoint cannot run is the client's mistake, not a 500."""
    if method == "GET":
        response = api.http.get("/graphql", params={"query": query}, headers={"accept": GRAPHQL_RESPONSE})
    else:
        response = post(api, json.dumps({"query": query}), accept=GRAPHQL_RESPONSE)
    assert response.status_code == status
    assert response.json()["errors"] == [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]


def test_nul_in_a_literal_is_refused_before_anything_runs(api: Gateway) -> None:
    """Variables with NUL are refused as JSON; a literal escape (\\u0000) reaches GraphQL and is refused there."""
    member = api.sign_up("Nuala Null")
    for query in (
        'mutation { decideJoinRequest(id: "\\u0000", approve: true) { id } }',
        'mutation { createNetwork(name: "Before\\u0000after") { id } }',
    ):
        response = post(
            api, json.dumps({"query": query}), accept=GRAPHQL_RESPONSE, authorization=f"Bearer {member.token}"
        )
        assert response.status_code == 400
        assert response.json()["errors"] == [
            {"message": "Text may not contain NUL characters.", "extensions": {"code": "BAD_USER_INPUT"}}
        ]
    assert member.run("{ networks { totalCount } }")["networks"]["totalCount"] == 0


def test_nul_in_a_variable_over_websocket_is_refused(api: Gateway) -> None:
    member = api.sign_up("Wanda Socket")
    with api.http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket:
        socket.send_json({"type": "connection_init", "payload": {"token": member.token}})
        assert socket.receive_json()["type"] == "connection_ack"
        query = "query($q: String!) { search(query: $q) { totalCount } }"
        socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": {"q": "a\x00"}}})
        answer = socket.receive_json()
    assert answer["type"] == "error"
    assert answer["payload"][0]["extensions"] == {"code": "BAD_USER_INPUT"}


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ("{not json", 400, "The request body is not valid JSON."),
        ("[]", 400, "The request body must be a JSON object."),
        ('{"variables": {}}', 400, "The request has no GraphQL query."),
        ('{"query": "{ me { name } }", "variables": [1]}', 400, "variables must be a JSON object."),
    ],
)
def test_malformed_requests_get_a_clear_400(api: Gateway, body: str, status: int, message: str) -> None:
    response = post(api, body)
    assert response.status_code == status
    assert response.json()["errors"][0]["message"] == message


def test_other_media_types_are_refused(api: Gateway) -> None:
    as_form = api.http.post("/graphql", content="query={me{name}}", headers={"content-type": "text/plain"})
    as_xml = post(api, json.dumps({"query": "{ me { name } }"}), accept="application/xml")
    assert (as_form.status_code, as_xml.status_code) == (415, 406)


def test_validation_errors_are_400_for_the_new_media_type_and_200_for_legacy_json(api: Gateway) -> None:
    body = json.dumps({"query": "{ unknownField }"})
    modern = post(api, body, accept=GRAPHQL_RESPONSE)
    legacy = post(api, body, accept="application/json")
    assert (modern.status_code, legacy.status_code) == (400, 200)
    assert legacy.headers["content-type"] == "application/json"
    assert modern.json()["errors"][0]["message"] == "Cannot query field 'unknownField' on type 'Query'."


def test_a_ten_megabyte_body_is_refused_before_it_is_read(api: Gateway) -> None:
    response = post(api, json.dumps({"query": "{ me { name } }", "pad": "x" * 10_000_000}))
    assert response.status_code == 413
    assert "larger than" in response.json()["errors"][0]["message"]


def refusal(api: Gateway, query: str) -> str:
    response = post(api, json.dumps({"query": query}), accept=GRAPHQL_RESPONSE)
    assert response.status_code == 400
    return response.json()["errors"][0]["message"]


def test_a_query_fifty_levels_deep_is_refused(api: Gateway) -> None:
    hop = "localGroups { edges { node { network { "
    query = "{ networks { edges { node { " + hop * 12 + "name" + " } } } }" * 12 + " } } } }"
    assert query.count("{") > 50
    assert "exceeds maximum operation depth of 12" in refusal(api, query)


def test_alias_bombs_are_refused(api: Gateway) -> None:
    forty = "{ " + " ".join(f"a{i}: me {{ name }}" for i in range(40)) + " }"
    thousand = "{ " + " ".join(f"a{i}: me {{ name }}" for i in range(1000)) + " }"
    assert refusal(api, forty) == "40 aliases found. Allowed: 30"
    assert refusal(api, thousand) == "Syntax Error: Document contains more than 4000 tokens. Parsing aborted."


def test_unexpected_failures_are_masked_and_carry_the_request_id(api: Gateway, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    from services.networks import commands

    async def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("SELECT secret_column FROM confidential_table")

    monkeypatch.setattr(commands, "create_network", broken)
    member = api.sign_up("Hana Host")
    response = api.http.post(
        "/graphql",
        json={"query": 'mutation { createNetwork(name: "N") { id } }'},
        headers={"authorization": f"Bearer {member.token}"},
    )
    request_id = response.headers["x-request-id"]
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"] == f"Internal error; quote request id {request_id}."
    assert "secret" not in response.text and "Traceback" not in response.text
    assert request_id in caplog.text


def test_security_headers_are_on_every_response(api: Gateway) -> None:
    response = api.http.get("/healthz")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_health_and_readiness(api: Gateway) -> None:
    assert api.http.get("/healthz").json() == {"status": "ok"}
    assert api.http.get("/readyz").json() == {"database": "ok", "search": "ok"}


def test_a_native_panic_is_masked_and_carries_the_request_id(api: Gateway, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    """A Rust panic is a BaseException: it used to pass the masking and end the request with a bare 500."""
    import tantivy

    from search.embedded import EmbeddedIndex

    def panicking(index: EmbeddedIndex, request: object) -> None:
        index._live.index.searcher().search(tantivy.Query.all_query(), 0)  # tantivy asserts a limit above 0

    monkeypatch.setattr(EmbeddedIndex, "search", panicking)
    member = api.sign_up("Pia Panic")
    response = post(
        api, json.dumps({"query": '{ search(query: "x") { totalCount } }'}), authorization=f"Bearer {member.token}"
    )
    request_id = response.headers["x-request-id"]
    assert response.status_code == 200
    assert response.json()["errors"] == [
        {
            "message": f"Internal error; quote request id {request_id}.",
            "locations": [{"line": 1, "column": 3}],
            "path": ["search"],
            "extensions": {"code": "INTERNAL", "requestId": request_id},
        }
    ]
    assert f"request {request_id} failed: NativePanic" in caplog.text
