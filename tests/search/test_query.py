"""The words a query and a page are cut into: ASCII text takes a faster path that must cut the same words."""

import re

from hypothesis import given
from hypothesis import strategies as st

from search.query import spans, words

ANY_WORD = re.compile(r"[^\W_]+")
ASCII = st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=60)


@given(ASCII)
def test_ascii_text_is_cut_into_the_words_any_text_is(text: str) -> None:
    expected = [(match.group().lower(), *match.span()) for match in ANY_WORD.finditer(text)]
    assert spans(text) == expected
    assert words(text) == [word for word, _, _ in expected]


def test_accented_words_fold_as_the_engines_index_them() -> None:
    assert words("Éva's Café_Society") == ["eva", "s", "cafe", "society"]
    assert spans("naïve plan") == [("naive", 0, 5), ("plan", 6, 10)]
