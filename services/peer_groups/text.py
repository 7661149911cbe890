"""Checking what members type: lengths and choices, with messages that say what is expected."""

from collections.abc import Iterable

from infra.errors import InvalidInput


def clean_text(value: str, field: str, longest: int, shortest: int = 0) -> str:
    value = value.strip()
    if not shortest <= len(value) <= longest:
        raise InvalidInput(f"{field} needs {shortest} to {longest} characters.")
    return value


def clean_lines(values: Iterable[str], field: str, longest: int, most: int) -> list[str]:
    lines = [clean_text(value, field, longest, 1) for value in values]
    if len(lines) > most:
        raise InvalidInput(f"At most {most} entries in {field.lower()}.")
    return lines


def one_of(value: str, choices: Iterable[str], field: str) -> str:
    allowed = tuple(choices)
    if value not in allowed:
        raise InvalidInput(f"{field} is one of {', '.join(allowed)}.")
    return value
