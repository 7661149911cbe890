"""Highlights: the document's words that answer the query wrapped in <mark>, the rest HTML-escaped.

A snippet is a passage of whole words, about `width` characters, beginning a little before the first word that
answers; only its words are judged. In ASCII text (nearly all of it) that first word is found by searching for
the words that answer rather than by cutting the whole text into words: the same place
(tests/search/test_highlight.py).
"""

import re
from collections.abc import Sequence
from html import escape
from itertools import islice

from search.query import ASCII_WORD, Clause, Near, Synonyms, Word, spans

Span = tuple[str, int, int]
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")


class Answers:
    """Which words of a page answer the query's clauses (`near`, judged once per search), for every text of one
    search's hits."""

    def __init__(self, clauses: Sequence[Clause], near: Near) -> None:
        self.clauses = clauses
        self._answering = frozenset(word for found in near.values() for word in found)
        phrases = [p for clause in clauses if isinstance(clause, Synonyms) for p in clause.phrases]
        self._phrase_starts = {phrase[0] for phrase in phrases}
        self._longest = max((len(phrase) for phrase in phrases), default=1)
        self._may_answer = self._answering | self._phrase_starts

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

    def first_answer(self, text: str) -> int:
        """Where in `text` the first word that answers the query begins; 0 if none does."""
        return self._first_in_ascii(text) if text.isascii() else self.first_answer_by_words(text)

    def first_answer_by_words(self, text: str) -> int:
        """`first_answer`, judging every word of `text` in turn (any text)."""
        found = spans(text)
        return next((found[i][1] for i, run in enumerate(self.runs(found)) if run), 0)

    def _first_in_ascii(self, text: str) -> int:
        """Each place a word that may answer occurs, earliest first, until one does."""
        lowered = text.lower()
        for at in sorted(at for word in self._may_answer for at in _whole(lowered, word)):
            following = [(m.group(), *m.span()) for m in islice(ASCII_WORD.finditer(lowered, at), self._longest)]
            if self.runs(following)[0]:
                return at
        return 0


def _whole(text: str, word: str) -> list[int]:
    """Where `word` occurs in `text` (lower-case ASCII) as a whole word."""
    found, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _window(text: str, first: int, width: int) -> tuple[int, int]:
    """About `width` characters of whole words, starting a little before `first`."""
    lead = width // 4
    begins = _WORD_START.search(text, first - lead) if first > lead else None
    start = begins.start() if begins else 0
    end = cut = min(len(text), start + width)
    if end < len(text) and text[end].isalnum():  # the window ends inside a word: end before it, if any word fits
        while cut > start and text[cut - 1].isalnum():
            cut -= 1
    return start, cut if cut > start else end


def _marked(found: Sequence[Span], runs: list[int]) -> list[int]:
    marked: list[int] = []
    i = 0
    while i < len(found):
        marked += range(i, i + runs[i])
        i += runs[i] or 1
    return marked


def highlight(text: str, answers: Answers, width: int | None = None) -> str:
    """`text` (cropped to about `width` characters around the first match, if given) with matches marked."""
    start, end = _window(text, answers.first_answer(text), width) if width else (0, len(text))
    passage = text[start:end]
    found = spans(passage)
    parts, cursor = ["…" if start else ""], 0
    for i in _marked(found, answers.runs(found)):
        _, begin, finish = found[i]
        parts += [escape(passage[cursor:begin]), "<mark>", escape(passage[begin:finish]), "</mark>"]
        cursor = finish
    parts += [escape(passage[cursor:]), "…" if end < len(text) else ""]
    return "".join(parts)
