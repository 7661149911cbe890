"""Log lines as an operator collects them: JSON, each with the request id (the `x-request-id` a client can quote)
and the W3C trace, which the consumers of the events a request wrote log under too; never content."""

import json
import re
import time
from collections.abc import Callable
from typing import Any

from tests.knowledge.community import WRITE, community, peer_group, story
from tests.support.graphql import Gateway, Member
from tests.support.logs import captured_logs

Lines = list[dict[str, Any]]
CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
CONSUMERS = {"indexer", "feeds", "notifications"}
FOUND = "query($q: String!) { search(query: $q) { totalCount } }"


def post(member: Member, query: str, traceparent: str | None = None, **variables: Any) -> Any:
    headers = {"authorization": f"Bearer {member.token}", **({"traceparent": traceparent} if traceparent else {})}
    response = member.client.http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    return response


def access_line(lines: Lines, request_id: str) -> dict[str, Any]:
    [line] = [line for line in lines if line["logger"] == "commons.gateway.access" and line["request_id"] == request_id]
    return line


def logged_until(lines: Lines, done: Callable[[Lines], bool], seconds: float = 30.0) -> None:
    """Waits, bounded, until the captured lines show `done` (the consumers' lines are written as they work)."""
    deadline = time.monotonic() + seconds
    while not done(list(lines)):
        assert time.monotonic() < deadline, "the lines never came"
        time.sleep(0.05)


def consumers_in_trace(trace_id: str) -> Callable[[Lines], bool]:
    return lambda lines: {line.get("consumer") for line in lines if line.get("trace_id") == trace_id} >= CONSUMERS


def test_a_request_logs_a_json_line_with_its_request_id_and_route_never_its_query(api: Gateway) -> None:
    member = api.sign_up("Amara Okafor")
    with captured_logs() as lines:
        response = post(member, "query Mine($q: String!) { search(query: $q) { totalCount } }", q="Quillwort")
    line = access_line(lines, response.headers["x-request-id"])
    assert line["message"].startswith("POST /graphql 200 ") and line["level"] == "INFO"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+\+00:00", line["time"])
    assert re.fullmatch(r"[0-9a-f]{32}", line["trace_id"]) and re.fullmatch(r"[0-9a-f]{16}", line["span_id"])
    assert "Quillwort" not in json.dumps(lines) and "Mine" not in line["message"]


def test_a_callers_traceparent_is_continued_and_a_malformed_one_replaced(api: Gateway) -> None:
    member = api.sign_up("Amara Okafor")
    malformed = CALLER.upper()
    with captured_logs() as lines:
        continued = access_line(lines, post(member, "{ me { name } }", CALLER).headers["x-request-id"])
        replaced = access_line(lines, post(member, "{ me { name } }", malformed).headers["x-request-id"])
    assert continued["trace_id"] == CALLER.split("-")[1] and continued["span_id"] != CALLER.split("-")[2]
    assert replaced["trace_id"] not in malformed.lower()


def test_the_consumers_of_a_requests_events_log_in_its_trace(api: Gateway) -> None:
    place = community(api)
    amara = place.member(api, "Amara Okafor")
    with captured_logs() as lines:
        post(amara, WRITE, CALLER, n=place.network, a=f"network:{place.network}", s=story())
        logged_until(lines, consumers_in_trace(CALLER.split("-")[1]))
    handled = [line for line in lines if line.get("consumer") in CONSUMERS and line["trace_id"] == CALLER.split("-")[1]]
    assert all(line["event_id"] for line in handled)


def test_a_peer_groups_story_shared_and_indexed_leaves_no_word_in_the_logs(api: Gateway) -> None:
    place = community(api)
    amara, ben = place.member(api, "Amara Okafor"), place.member(api, "Ben Carter")
    group = peer_group(place, amara, ben)
    secret = story("INCIDENT_OR_DILEMMA", "Marshwhistle confession", "Marshwhistle board quarrel in Larkspur.")
    with captured_logs() as lines:
        post(amara, WRITE, CALLER, n=place.network, a=group, s=secret)
        logged_until(lines, consumers_in_trace(CALLER.split("-")[1]))
        # The indexer logged as it began the event; its index commit comes with the batch's end.
        logged_until(lines, lambda _: ben.run(FOUND, q="Marshwhistle")["search"]["totalCount"] == 1)
    written = json.dumps(lines)
    assert all(word not in written for word in ("Marshwhistle", "quarrel", "Larkspur", "confession"))
    assert amara.email not in written and "Amara" not in written
