"""Highlights: the document's words that answer the query wrapped in <mark>, the rest HTML-escaped."""

from collections.abc import Sequence
from html import escape

from search.query import Clause, Synonyms, Word, spans

Span = tuple[str, int, int]


class Answers:
    """Which of a page's words answer the query's clauses; a word that starts no synonym phrase is judged once."""

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self.clauses = clauses
        self._words = [clause for clause in clauses if isinstance(clause, Word)]
        self._phrase_starts = {p[0] for clause in clauses if isinstance(clause, Synonyms) for p in clause.phrases}
        self._judged: dict[str, bool] = {}

    def run(self, found: Sequence[Span], i: int) -> int:
        """How many words from the i-th answer a clause: one for a matching word, a whole synonym phrase's run."""
        word = found[i][0]
        if word in self._phrase_starts:
            return self._in_order(found, i)
        if word not in self._judged:
            self._judged[word] = any(clause.matches(word) for clause in self._words)
        return int(self._judged[word])

    def _in_order(self, found: Sequence[Span], i: int) -> int:
        for clause in self.clauses:
            if isinstance(clause, Word) and clause.matches(found[i][0]):
                return 1
            if isinstance(clause, Synonyms):
                for phrase in clause.phrases:
                    if tuple(w for w, _, _ in found[i : i + len(phrase)]) == phrase:
                        return len(phrase)
        return 0


def _marked(found: Sequence[Span], answers: Answers, start: int, end: int) -> list[int]:
    marked, i = [], 0
    while i < len(found) and found[i][1] < end:
        run = answers.run(found, i) if found[i][1] >= start else 0
        marked += range(i, i + run)
        i += run or 1
    return marked


def _window(found: Sequence[Span], answers: Answers, width: int, size: int) -> tuple[int, int]:
    """About `width` characters, starting a little before the first word that answers the query."""
    first = next((s for i, (_, s, _) in enumerate(found) if answers.run(found, i)), 0)
    start = next((s for _, s, _ in found if s >= first - width // 4), 0) if first > width // 4 else 0
    return start, min(size, start + width)


def highlight(text: str, answers: Answers, width: int | None = None) -> str:
    """`text` (cropped to about `width` characters around the first match, if given) with matches marked."""
    found = spans(text)
    start, end = _window(found, answers, width, len(text)) if width else (0, len(text))
    parts, cursor = ["…" if start else ""], start
    for i in _marked(found, answers, start, end):
        _, begin, finish = found[i]
        if finish <= end:
            parts += [escape(text[cursor:begin]), "<mark>", escape(text[begin:finish]), "</mark>"]
            cursor = finish
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return "".join(parts)
