"""The dashboard's tables as CSV, from the very rows the dashboard shows: a withheld figure is an empty cell."""

import csv
import io
from collections.abc import Sequence
from dataclasses import astuple, fields
from typing import Any

# A cell a spreadsheet would run as a formula is written as text (OWASP's CSV injection advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def table_csv(kind: type[Any], rows: Sequence[Any]) -> str:
    """`kind` is the rows' dataclass: its field names are the header."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f.name for f in fields(kind)])
    writer.writerows([_cell(value) for value in astuple(row)] for row in rows)
    return out.getvalue()
