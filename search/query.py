"""What a typed query asks for, engine-agnostic: words with their typo budget, and synonym groups.

The last word is matched as a prefix (search as you type). A run of words that forms a synonym phrase becomes
one clause matched by any phrase of its group.
"""

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from search.spelling import allowed_typos, matches, nearby
from search.synonyms import SYNONYMS

_WORD = re.compile(r"[^\W_]+")
# The same words in ASCII text, lower-cased: found by a narrower class, or split apart by spaces, several times faster.
ASCII_WORD = re.compile(r"[a-z0-9]+")
_ASCII_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


@dataclass(frozen=True)
class Word:
    text: str
    typos: int
    prefix: bool

    def matches(self, word: str) -> bool:
        return matches(word, self.text, self.typos, self.prefix)


@dataclass(frozen=True)
class Synonyms:
    typed: str
    phrases: tuple[tuple[str, ...], ...]


Clause = Word | Synonyms
# For each word of a query, the words of a page that answer it, each with how far it is from the word typed.
Near = dict[Word, dict[str, int]]


def fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spans(text: str) -> list[tuple[str, int, int]]:
    """Each word of `text`, folded as the engines index it, with its character offsets."""
    if text.isascii():
        # Lower-casing ASCII keeps every offset, so the text folds at once rather than word by word.
        return [(match.group(), match.start(), match.end()) for match in ASCII_WORD.finditer(text.lower())]
    return [(fold(match.group()), *match.span()) for match in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    return (
        text.lower().translate(_ASCII_SPACES).split()
        if text.isascii()
        else [fold(word) for word in _WORD.findall(text)]
    )


_PHRASES = {tuple(words(phrase)): group for group in SYNONYMS for phrase in group}
_LONGEST = max(len(phrase) for phrase in _PHRASES)


def plan(query: str) -> list[Clause]:
    typed, i = words(query), 0
    clauses: list[Clause] = []
    while i < len(typed):
        size = next((n for n in range(_LONGEST, 0, -1) if tuple(typed[i : i + n]) in _PHRASES), 0)
        if size:
            run = tuple(typed[i : i + size])
            clauses.append(Synonyms(" ".join(run), tuple(tuple(words(p)) for p in _PHRASES[run])))
        else:
            word = typed[i]
            clauses.append(Word(word, allowed_typos(word), prefix=i == len(typed) - 1))
        i += size or 1
    return clauses


def near(clauses: Sequence[Clause], seen: Collection[str]) -> Near:
    """Which words of `seen` (a page's vocabulary) answer each word of the query: judged once per search, for its
    highlights and its suggestion."""
    return {
        clause: nearby(clause.text, clause.typos, clause.prefix, seen) for clause in clauses if isinstance(clause, Word)
    }
