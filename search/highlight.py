"""Highlights: the document's words that answer the query wrapped in <mark>, the rest HTML-escaped."""

from collections.abc import Sequence
from html import escape

from search.query import Clause, Near, Synonyms, Word, spans

Span = tuple[str, int, int]


class Answers:
    """Which words of a page answer the query's clauses (`near`, judged once per search), for every text of one
    search's hits."""

    def __init__(self, clauses: Sequence[Clause], near: Near) -> None:
        self.clauses = clauses
        self._answering = frozenset(word for found in near.values() for word in found)
        self._phrase_starts = {p[0] for clause in clauses if isinstance(clause, Synonyms) for p in clause.phrases}

    def runs(self, found: Sequence[Span]) -> list[int]:
        """For each word, how many words from it answer a clause: one for a matching word, a synonym phrase's run."""
        starts, answering = self._phrase_starts, self._answering
        return [self._in_order(found, i) if w in starts else int(w in answering) for i, (w, _, _) in enumerate(found)]

    def _in_order(self, found: Sequence[Span], i: int) -> int:
        for clause in self.clauses:
            if isinstance(clause, Word) and clause.matches(found[i][0]):
                return 1
            if isinstance(clause, Synonyms):
                for phrase in clause.phrases:
                    if tuple(w for w, _, _ in found[i : i + len(phrase)]) == phrase:
                        return len(phrase)
        return 0


def _marked(found: Sequence[Span], runs: list[int], start: int, end: int) -> list[int]:
    marked: list[int] = []
    i = 0
    while i < len(found) and found[i][1] < end:
        run = runs[i] if found[i][1] >= start else 0
        marked += range(i, i + run)
        i += run or 1
    return marked


def _window(found: Sequence[Span], runs: list[int], width: int, size: int) -> tuple[int, int]:
    """About `width` characters, starting a little before the first word that answers the query."""
    first = next((found[i][1] for i, run in enumerate(runs) if run), 0)
    start = next((s for _, s, _ in found if s >= first - width // 4), 0) if first > width // 4 else 0
    return start, min(size, start + width)


def highlight(text: str, answers: Answers, width: int | None = None) -> str:
    """`text` (cropped to about `width` characters around the first match, if given) with matches marked."""
    found = spans(text)
    runs = answers.runs(found)
    start, end = _window(found, runs, width, len(text)) if width else (0, len(text))
    parts, cursor = ["…" if start else ""], start
    for i in _marked(found, runs, start, end):
        _, begin, finish = found[i]
        if finish <= end:
            parts += [escape(text[cursor:begin]), "<mark>", escape(text[begin:finish]), "</mark>"]
            cursor = finish
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return "".join(parts)
