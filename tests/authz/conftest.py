import pytest

from tests.support.graphql import Gateway
from tests.support.world import World, build_world


@pytest.fixture
def world(api: Gateway) -> World:
    return build_world(api)
