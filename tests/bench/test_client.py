"""bench.client's reading of a server's /metrics (what is still to be handled before a benchmark measures), and
of its answers (which count as served, and why the others failed)."""

from bench.client import Answered, Measured, _pending, served

SCRAPE = """# HELP commons_outbox_backlog Outbox events not yet on the bus.
# TYPE commons_outbox_backlog gauge
commons_outbox_backlog {backlog}
# HELP commons_consumer_lag Messages between a consumer group's committed offset and the end of the log.
# TYPE commons_consumer_lag gauge
commons_consumer_lag{{consumer="feeds",topic="networks",partition="0"}} {feeds}
commons_consumer_lag{{consumer="search",topic="networks",partition="0"}} {search}
# HELP commons_dead_letters Events a consumer gave up on (kept).
# TYPE commons_dead_letters gauge
commons_dead_letters{{consumer="feeds"}} 7.0
"""


def test_events_still_to_handle_are_the_backlog_plus_every_consumers_lag() -> None:
    assert _pending(SCRAPE.format(backlog=3, feeds=2, search=5)) == 10


def test_a_server_that_handled_everything_has_nothing_pending_whatever_it_gave_up_on() -> None:
    assert _pending(SCRAPE.format(backlog=0, feeds=0, search=0)) == 0


def test_an_answer_with_graphql_errors_fails_and_says_why_once() -> None:
    measured = Measured()
    for _ in range(2):
        measured.record(0.0, Answered(200, b'{"errors": [{"message": "Sign in first."}], "data": null}'), served)
    measured.record(0.0, Answered(200, b'{"data": {"me": null}}'), served)
    assert (measured.count, measured.failures, measured.reasons) == (3, 2, ["Sign in first."])


def test_an_answer_that_is_not_json_fails_with_its_status_and_start() -> None:
    measured = Measured()
    measured.record(0.0, Answered(503, b"busy, try again"), served)
    assert measured.failures == 1 and measured.reasons == ["HTTP 503 'busy, try again'"]
