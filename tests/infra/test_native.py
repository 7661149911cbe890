"""A native extension's panic, met off the event loop, arrives as an ordinary error the masking can handle."""

import pytest
import tantivy

from infra.native import NativePanic, in_thread


def _ask_for_no_hits() -> None:
    schema = tantivy.SchemaBuilder().add_text_field("title", stored=True).build()
    tantivy.Index(schema).searcher().search(tantivy.Query.all_query(), 0)  # tantivy asserts a limit above 0


async def test_a_panic_becomes_an_exception_with_the_panic_as_its_cause() -> None:
    with pytest.raises(NativePanic) as caught:
        await in_thread(_ask_for_no_hits)
    assert not isinstance(caught.value.__cause__, Exception)
    assert "Limit must be greater than 0" in str(caught.value.__cause__)
