"""bench.client's reading of a server's /metrics: what is still to be handled before a benchmark measures."""

from bench.client import _pending

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
