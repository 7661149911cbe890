"""Snippets: whole words around the first match, matches marked; ASCII text finds that match by a faster path
that must find the same place as judging every word."""

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from search.highlight import Answers, highlight
from search.query import near, plan, spans, words

POOL = ["mentoring", "mentorng", "mentorship", "host", "hosting", "community", "of", "practice", "cop", "peer"]
POOL += ["feedback", "place", "based", "leadership", "a1", "x"]
SEPARATORS = [" ", "  ", ", ", "-", "_", "'", ". ", "\n"]
QUERIES = ["mentoring", "mentorng", "host", "CoP", "community of practice", "peer feedback", "place based", "leadrship"]
TEXTS = st.lists(st.tuples(st.sampled_from(POOL), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda pairs: "".join((word.capitalize() if i % 3 == 0 else word) + sep for i, (word, sep) in enumerate(pairs))
)
MARK = re.compile("</?mark>")


def answers(query: str, text: str) -> Answers:
    clauses = plan(query)
    return Answers(clauses, near(clauses, set(words(text))))


@given(TEXTS, st.sampled_from(QUERIES))
def test_ascii_text_finds_the_first_match_where_judging_every_word_does(text: str, query: str) -> None:
    found = answers(query, text)
    assert found.first_answer(text) == found.first_answer_by_words(text)


@given(TEXTS, st.sampled_from(QUERIES), st.integers(8, 120))
def test_a_snippet_is_whole_words_from_a_quarter_width_before_the_first_match(
    text: str, query: str, width: int
) -> None:
    found = answers(query, text)
    snippet = highlight(text, found, width)
    first, lead = found.first_answer(text), width // 4
    start = 0 if first <= lead else min(begin for _, begin, _ in spans(text) if begin >= first - lead)
    passage = html.unescape(MARK.sub("", snippet.removeprefix("…").removesuffix("…")))
    end = start + len(passage)
    assert text[start:end] == passage and len(passage) <= width
    assert end == len(text) or not (text[end].isalnum() and text[end - 1].isalnum()) or passage.isalnum()
    assert snippet.startswith("…") == (start > 0) and snippet.endswith("…") == (end < len(text))


def test_the_snippet_begins_a_little_before_the_first_match_and_ends_between_words() -> None:
    text = "Opening words here. " * 20 + "We tried <mentoring> circles with care and patience. " * 5
    snippet = highlight(text, answers("mentoring", text), 80)
    assert snippet == (
        "…here. We tried &lt;<mark>mentoring</mark>&gt; circles with care and patience. "
        "We tried &lt;<mark>mentoring</mark>&gt; …"  # not "circ…": the window ends before the word it would cut
    )


def test_a_synonym_phrase_marks_each_of_its_words_and_a_title_is_whole() -> None:
    title = "A Community of Practice for hosts"
    assert highlight(title, answers("CoP", title)) == (
        "A <mark>Community</mark> <mark>of</mark> <mark>Practice</mark> for hosts"
    )


def test_accented_text_is_judged_word_by_word() -> None:
    text = "Réunion " * 40 + "un café de mentoring, suivi d'un café"
    snippet = highlight(text, answers("cafe", text), 60)
    assert snippet.startswith("…") and "<mark>café</mark>" in snippet
