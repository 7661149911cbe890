"""`/metrics`: what an operator scrapes. The pipeline's lag is read from the database, so it falls to 0 once every
consumer has handled a shared story; each GraphQL operation is timed under its name (bounded) and transport."""

import time
from collections.abc import Callable

import pytest
from prometheus_client.parser import text_string_to_metric_families

from schema import timing
from services.gateway import metrics
from tests.knowledge.community import community, story
from tests.support.graphql import Gateway

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
SHARE = """mutation ShareStory($n: ID!, $a: String!, $s: StoryInput!) {
  writeStory(networkId: $n, audience: $a, story: $s) { id } }"""
CONSUMERS = {"indexer", "feeds", "notifications"}


def scrape(api: Gateway) -> tuple[str, Samples]:
    response = api.http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    families = text_string_to_metric_families(response.text)
    samples = {(s.name, frozenset(s.labels.items())): s.value for family in families for s in family.samples}
    return response.text, samples


def values(samples: Samples, name: str, label: str) -> dict[str, float]:
    return {dict(labels)[label]: value for (sample, labels), value in samples.items() if sample == name}


def timed(samples: Samples, operation: str, transport: str = "http") -> float:
    key = frozenset({("operation", operation), ("transport", transport)})
    return samples.get(("commons_graphql_request_seconds_count", key), 0.0)


def scrape_until(api: Gateway, settled: Callable[[Samples], bool], seconds: float = 30.0) -> tuple[str, Samples]:
    """Scrapes until `settled` holds (the consumers' work done), for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while not settled((scraped := scrape(api))[1]):
        assert time.monotonic() < deadline, f"never settled; last scrape:\n{scraped[0]}"
        time.sleep(0.1)
    return scraped


def caught_up(samples: Samples) -> bool:
    lags = values(samples, "commons_consumer_lag", "consumer")
    backlog = samples.get(("commons_outbox_backlog", frozenset()))
    return set(lags) >= CONSUMERS and backlog == 0 and not any(lags.values())


def test_after_a_story_is_shared_the_lag_falls_to_zero_and_its_operation_is_timed(api: Gateway) -> None:
    place = community(api)
    amara = place.member(api, "Amara Okafor")
    before = timed(scrape(api)[1], "ShareStory")
    title = "Quillwort listening circle"
    amara.run(SHARE, n=place.network, a=f"network:{place.network}", s=story(title=title, body="Quillwort words."))
    text, samples = scrape_until(api, caught_up)
    assert timed(samples, "ShareStory") == before + 1
    assert values(samples, "commons_consumer_events_total", "consumer").keys() >= CONSUMERS
    assert not any(values(samples, "commons_dead_letters", "consumer").values())
    assert ("commons_mail_backlog", frozenset()) in samples
    assert "Quillwort" not in text and amara.id not in text and place.network not in text


def test_an_operation_is_named_only_once_its_document_validated_and_within_the_bound(
    api: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = scrape(api)[1]
    api.fails("query Nosy { noSuchField }")
    api.run("query Greeting { __typename }")
    api.run("{ __typename }")
    monkeypatch.setattr(timing, "_named", {f"Known{number}" for number in range(timing.NAMED_AT_MOST)})
    api.run("query Crowded { __typename }")
    after = scrape(api)[1]
    assert timed(after, "Nosy") == timed(after, "Crowded") == 0
    assert timed(after, "Greeting") == timed(before, "Greeting") + 1
    assert timed(after, "anonymous") == timed(before, "anonymous") + 1
    assert timed(after, "other") == timed(before, "other") + 2


def test_operations_over_a_socket_are_timed_as_websocket(api: Gateway) -> None:
    member = api.sign_up("Amara Okafor")
    before = timed(scrape(api)[1], "Me", "websocket")
    with api.http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as socket:
        socket.send_json({"type": "connection_init", "payload": {"token": member.token}})
        assert socket.receive_json()["type"] == "connection_ack"
        socket.send_json({"id": "1", "type": "subscribe", "payload": {"query": "query Me { me { name } }"}})
        assert socket.receive_json()["type"] == "next"
        assert socket.receive_json()["type"] == "complete"
    assert timed(scrape(api)[1], "Me", "websocket") == before + 1


def test_http_requests_are_timed_by_route_pattern_method_and_status(api: Gateway) -> None:
    def answered(route: str, method: str, status: str) -> float:
        key = frozenset({("route", route), ("method", method), ("status", status)})
        return scrape(api)[1].get(("commons_http_request_seconds_count", key), 0.0)

    before = answered("/invitations/{rest:path}", "GET", "200"), answered("/graphql", "other", "405")
    api.http.get("/invitations/8c1f0e0a-private-id")
    api.http.request("BREW", "/graphql")
    after = answered("/invitations/{rest:path}", "GET", "200"), answered("/graphql", "other", "405")
    assert after == (before[0] + 1, before[1] + 1)
    assert "8c1f0e0a" not in scrape(api)[0] and "BREW" not in scrape(api)[0]


def test_gauges_the_database_cannot_give_in_time_are_left_out_and_the_rest_still_served(
    api: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.run("query Greeting { __typename }")
    monkeypatch.setattr(metrics, "MEASURE_SECONDS", 0)
    text, samples = scrape(api)
    assert "commons_outbox_backlog" not in text and "commons_consumer_lag" not in text
    assert timed(samples, "Greeting") >= 1
