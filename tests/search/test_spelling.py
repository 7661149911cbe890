"""A page's words judged all at once (`nearby`, for highlights and suggestions) answer exactly as each word judged
alone (`matches`, the rule the engines share), with the same distances."""

from hypothesis import given
from hypothesis import strategies as st

from search.spelling import distance, distance_to, matches, nearby

LETTERS = "abcdeh"
WORDS = st.text(LETTERS, min_size=1, max_size=11)


@given(typed=WORDS, typos=st.integers(0, 2), prefix=st.booleans(), vocabulary=st.sets(WORDS, max_size=30))
def test_judging_a_page_at_once_answers_as_judging_each_word(
    typed: str, typos: int, prefix: bool, vocabulary: set[str]
) -> None:
    one_by_one = {
        word: distance_to(word, typed, prefix, typos) for word in vocabulary if matches(word, typed, typos, prefix)
    }
    assert nearby(typed, typos, prefix, vocabulary) == one_by_one


def test_a_swap_of_neighbours_is_one_typo_and_the_count_stops_past_the_limit() -> None:
    assert distance("mentoring", "mnetoring", 2) == 1
    assert distance("harvest", "hravset", 2) == 2
    assert distance("harvest", "coaching", 2) == 3


def test_the_last_word_answers_by_its_beginning_within_its_typos() -> None:
    found = nearby("facilt", 1, True, {"facilitation", "faculty", "fact", "facilt", "coaching"})
    assert found == {"facilitation": 1, "faculty": 1, "facilt": 0}
    assert nearby("facilt", 1, False, {"facilitation", "facilit"}) == {"facilit": 1}
