"""Checking what members type, the same way in every service, with messages that say what is expected.

White space around a text never counts. A short text (up to LINE characters: names, titles, places, list items)
is one line: its runs of white space, line breaks included, fold to one space. A longer one (descriptions,
bodies, notes) keeps its lines and spacing, which Markdown and the reader use.
"""

from collections.abc import Iterable

from infra.errors import InvalidInput

LINE = 300


def clean_text(value: str, field: str, longest: int, shortest: int = 0) -> str:
    value = " ".join(value.split()) if longest <= LINE else value.strip()
    if not shortest <= len(value) <= longest:
        raise InvalidInput(f"{field} needs {shortest} to {longest} characters.")
    return value


def clean_lines(values: Iterable[str], field: str, longest: int, most: int) -> list[str]:
    """Entries of a list (each one to `longest` characters), at most `most` of them."""
    lines = [clean_text(value, field, longest, 1) for value in values]
    if len(lines) > most:
        raise InvalidInput(f"At most {most} entries in {field.lower()}.")
    return lines


def one_of(value: str, choices: Iterable[str], field: str) -> str:
    allowed = tuple(choices)
    if value not in allowed:
        raise InvalidInput(f"{field} is one of {', '.join(allowed)}.")
    return value
