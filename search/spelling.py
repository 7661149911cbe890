"""Typo rules shared by the engines: how many typos a word may carry, and how far two words are apart.

Distances are the optimal string alignment distance (a swap of neighbours is one typo), as tantivy's and
Meilisearch's typo tolerance count them, computed by rapidfuzz: a page's highlights and suggestion compare the
query's words with every distinct word of twenty texts.
"""

from collections.abc import Collection

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Meilisearch's defaults, which the embedded engine copies: one typo from 5 letters, two from 9.
ONE_TYPO_FROM = 5
TWO_TYPOS_FROM = 9


def allowed_typos(word: str) -> int:
    return 2 if len(word) >= TWO_TYPOS_FROM else 1 if len(word) >= ONE_TYPO_FROM else 0


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting a swap of neighbours as one typo, or limit + 1 once it exceeds `limit`."""
    far: int = OSA.distance(a, b, score_cutoff=limit)
    return far


def _lengths(typed: str, typos: int) -> range:
    """The lengths of the beginnings of a word that may be `typed` with up to `typos` typos."""
    return range(max(1, len(typed) - typos), len(typed) + typos + 1)


def distance_to(word: str, typed: str, prefix: bool, typos: int) -> int:
    """How far `word` is from `typed` (at most typos + 1); as a prefix, the nearest of its beginnings."""
    if not prefix:
        return distance(word, typed, typos)
    if word.startswith(typed):
        return 0
    return min(distance(word[:n], typed, typos) for n in _lengths(typed, typos))


def matches(word: str, typed: str, typos: int, prefix: bool) -> bool:
    """Whether `word` of a document answers `typed`, as the engines match it."""
    return (
        word == typed
        or (prefix and word.startswith(typed))
        or (typos > 0 and distance_to(word, typed, prefix, typos) <= typos)
    )


def nearby(typed: str, typos: int, prefix: bool, vocabulary: Collection[str]) -> dict[str, int]:
    """The words of `vocabulary` that answer `typed` (as `matches` judges), each with its `distance_to` it.

    One rapidfuzz pass over the vocabulary (per length a prefix may take) instead of a call per word.
    """
    found = {word: 0 for word in vocabulary if word == typed or (prefix and word.startswith(typed))}
    if not typos:
        return found
    rest = [word for word in vocabulary if word not in found]
    beginnings = [[word[:n] for word in rest] for n in _lengths(typed, typos)] if prefix else [rest]
    for choices in beginnings:
        for _, far, i in process.extract(typed, choices, scorer=OSA.distance, score_cutoff=typos, limit=None):
            found[rest[i]] = min(far, found.get(rest[i], far))
    return found
