"""The one text check every service uses: what members type is trimmed, short texts are one line, and a text
of the wrong length or an unknown choice is refused with a message that says what is expected."""

import re

import pytest

from infra.errors import InvalidInput
from infra.text import LINE, clean_lines, clean_text, one_of


def test_a_short_text_is_one_line_with_single_spaces() -> None:
    assert clean_text("  Leeds \n\t chapter  ", "A name", 120) == "Leeds chapter"


def test_a_long_text_keeps_its_lines_and_loses_only_its_outer_white_space() -> None:
    body = "First paragraph,  with  spaces.\n\n- a list item\n"
    assert clean_text(f"\n  {body}  ", "A body", LINE + 1) == body.strip()


@pytest.mark.parametrize(("value", "shortest", "longest"), [("   ", 1, 10), ("a", 2, 10), ("a" * 11, 0, 10)])
def test_a_text_of_the_wrong_length_after_trimming_is_refused_saying_the_range(
    value: str, shortest: int, longest: int
) -> None:
    with pytest.raises(InvalidInput, match=re.escape(f"A title needs {shortest} to {longest} characters.")):
        clean_text(value, "A title", longest, shortest)


def test_list_entries_are_each_checked_and_counted() -> None:
    assert clean_lines([" hosting ", "coaching\n circles"], "Practice areas", 80, 2) == ["hosting", "coaching circles"]
    with pytest.raises(InvalidInput, match=re.escape("Practice areas needs 1 to 80 characters.")):
        clean_lines(["hosting", " "], "Practice areas", 80, 2)
    with pytest.raises(InvalidInput, match=re.escape("At most 2 entries in practice areas.")):
        clean_lines(["a", "b", "c"], "Practice areas", 80, 2)


def test_a_choice_outside_those_allowed_is_refused_naming_them() -> None:
    assert one_of("mentor", ("mentor", "mentee"), "A role") == "mentor"
    with pytest.raises(InvalidInput, match=re.escape("A role is one of mentor, mentee.")):
        one_of("guru", ("mentor", "mentee"), "A role")
