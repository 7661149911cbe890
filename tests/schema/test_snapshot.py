"""The committed SDL is what the code serves; regenerate with `make schema`."""

from schema.export import SNAPSHOT, sdl


def test_schema_graphql_is_up_to_date() -> None:
    assert SNAPSHOT.read_text() == sdl(), "schema/schema.graphql is stale: run `make schema`"
