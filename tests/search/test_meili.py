"""The contract against a real Meilisearch (when COMMONS_MEILI_URL names one), and its filters without one."""

import base64
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from infra.columns import new_id
from search.meili import MeiliIndex, _filters
from search.port import SearchFilters, SearchIndex, SearchRequest
from tests.search.contract import SearchContract
from tests.search.contract_unseen import NewIndex

MEILI_URL = os.environ.get("COMMONS_MEILI_URL")


@pytest.mark.skipif(not MEILI_URL, reason="COMMONS_MEILI_URL is not set: no Meilisearch server to test against")
class TestMeiliIndex(SearchContract):
    @pytest.fixture
    def index(self) -> Iterator[SearchIndex]:
        index = MeiliIndex(MEILI_URL or "", os.environ.get("COMMONS_MEILI_KEY"), uid=f"test_{new_id()}")
        index.apply_settings()
        yield index
        index._drop(index.uid)

    @pytest.fixture
    def fresh_index(self) -> Iterator[SearchIndex]:
        index = MeiliIndex(MEILI_URL or "", os.environ.get("COMMONS_MEILI_KEY"), uid=f"test_{new_id()}")
        yield index
        index._drop(index.uid)

    @pytest.fixture
    def new_index(self) -> Iterator[NewIndex]:
        made: list[MeiliIndex] = []

        def new() -> MeiliIndex:
            made.append(MeiliIndex(MEILI_URL or "", os.environ.get("COMMONS_MEILI_KEY"), uid=f"test_{new_id()}"))
            made[-1].apply_settings()
            return made[-1]

        yield new
        for index in made:
            index._drop(index.uid)


def test_every_search_is_bound_to_the_callers_audiences_safely_quoted() -> None:
    request = SearchRequest("x", frozenset({'network:"] OR kind IN ["story'}), filters=SearchFilters(kinds=("story",)))
    assert _filters(request) == ['audience IN ["network:\\"] OR kind IN [\\"story"]', 'kind IN ["story"]']


def test_a_tenant_token_carries_the_audience_filter() -> None:
    index = MeiliIndex("http://127.0.0.1:7700", uid="commons")
    token = index.tenant_token(
        frozenset({"network:n1", "platform"}), {}, new_id(), "a-master-key-of-enough-length-0123"
    )
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["searchRules"] == {"commons": {"filter": 'audience IN ["network:n1", "platform"]'}}


def test_a_late_joiners_token_and_searches_admit_their_group_from_their_seat_on() -> None:
    seated = datetime(2026, 3, 1, 9, 30, 0, 250_000, tzinfo=UTC)
    late = {"peer_group:g1": seated}
    # Both engines keep times to the second: the bound rounds up, so nothing of the second before the seat shows.
    first = seated.replace(microsecond=0).timestamp() + 1
    expected = f'audience IN ["network:n1"] OR (audience = "peer_group:g1" AND created_ts >= {first})'
    index = MeiliIndex("http://127.0.0.1:7700", uid="commons")
    token = index.tenant_token(
        frozenset({"network:n1", "peer_group:g1"}), late, new_id(), "a-master-key-of-enough-length-0123"
    )
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["searchRules"] == {"commons": {"filter": expected}}
    assert _filters(SearchRequest("x", frozenset({"network:n1", "peer_group:g1"}), sees_from=late)) == [expected]
