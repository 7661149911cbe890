"""Reading resource lists: CSV, or bullet lists under practice-area headings like those of seed 003."""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from infra.errors import InvalidInput
from services.knowledge.bullets import SUBHEADINGS, bullet
from services.knowledge.resources import ResourceDraft

BULLET = re.compile(r"^\s*[·•*\-\u2013]\s+(?P<text>.+)$")


@dataclass
class Entry:
    line: int
    text: str
    draft: ResourceDraft | None = None
    problem: str | None = None
    areas: list[str] = field(default_factory=list)


def _heading(line: str, areas: set[str]) -> str | None:
    """The practice area a heading line names ("Communities of Learning and Practice" names the seed's
    "communities of practice"): the area whose words it contains most of."""
    text = line.strip().lstrip("#").strip().rstrip(":")
    if not text or len(text) > 60 or text.endswith((".", "?", ",")):
        return None
    words = set(re.sub(r"[^\w\s-]", " ", text.lower()).split())
    named = [area for area in areas if set(area.split()) <= words]
    return max(named, key=lambda a: len(a.split()), default=None)


def read_list(text: str, areas: set[str]) -> list[Entry]:
    """Bullets under a "Resources" line (or directly under a Markdown `#` heading) of a practice-area section."""
    entries, area, listing, hint = [], None, False, None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        found = BULLET.match(line)
        if found and listing and area:
            entries.append(Entry(number, found.group("text"), bullet(found.group("text"), area, hint)))
        elif not found and (named := _heading(line, areas)):
            area, listing, hint = named, line.startswith("#"), None
        elif not found and re.fullmatch(r"#*\s*resources:?", line.lower()):
            listing, hint = True, None
        elif not found and listing and line.lstrip("# ").lower() in SUBHEADINGS:
            hint = SUBHEADINGS[line.lstrip("# ").lower()]
        elif not found:
            listing = listing and line.startswith("#")
    return entries


def _listed(row: dict[str, str], column: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (row.get(column) or "").split(";") if part.strip())


def _rows(text: str) -> Iterator[tuple[int, list[str] | None, str]]:
    """Each row with the line it starts on, or None and why the csv module could not read it (a field over its
    size limit, say): one bad row must not end the reading of the others."""
    reader, end = csv.reader(io.StringIO(text)), 0
    while True:
        start = end + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as unreadable:
            values, problem = None, f"The row is not readable CSV: {unreadable}."
        else:
            problem = ""
        end = reader.line_num
        if values != []:
            yield start, values, problem


def _draft(row: dict[str, str], year: str) -> ResourceDraft:
    return ResourceDraft(
        kind=(row.get("kind") or "book").strip().lower(),
        title=row.get("title") or "",
        url=row.get("url"),
        authors=_listed(row, "authors"),
        year=int(year) if year else None,
        description=row.get("description") or "",
        practice_areas=_listed(row, "practice_areas"),
    )


def read_csv(text: str) -> list[Entry]:
    """Columns: title, authors (separated by ;), year, url, kind, practice_areas (separated by ;), description."""
    entries: list[Entry] = []
    rows = _rows(text)
    _, header, problem = next(rows, (1, [], ""))
    if header is None:
        raise InvalidInput(f"The first line, which names the columns, cannot be read: {problem}")
    for line, values, problem in rows:
        row = dict(zip(header, values or (), strict=False))
        entry = Entry(line, ", ".join(v for v in row.values() if v), problem=problem or None)
        year = (row.get("year") or "").strip()
        # Only ASCII digits: "²" is a digit to str.isdigit() but no number to int().
        if year and not (year.isascii() and year.isdigit()):
            entry.problem = f"The year {year!r} is not a number."
        elif values is not None:
            entry.draft = _draft(row, year)
        entries.append(entry)
    return entries
