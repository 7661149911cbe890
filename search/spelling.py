"""Typo rules shared by the engines: how many typos a word may carry, and how far two words are apart."""

from functools import lru_cache

# Meilisearch's defaults, which the embedded engine copies: one typo from 5 letters, two from 9.
ONE_TYPO_FROM = 5
TWO_TYPOS_FROM = 9


def allowed_typos(word: str) -> int:
    return 2 if len(word) >= TWO_TYPOS_FROM else 1 if len(word) >= ONE_TYPO_FROM else 0


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting a swap of neighbours as one typo, or limit + 1 once it exceeds `limit`.

    Stopping early matters: highlights and suggestions compare the query's words with every word of a page.
    """
    # Cheap refusals first: each typo changes the length by at most one and brings or loses at most one letter.
    if abs(len(a) - len(b)) > limit or len(set(a).difference(b)) > limit or len(set(b).difference(a)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        earlier, before, row = before, row, [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], earlier[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return min(row[-1], limit + 1)


@lru_cache(maxsize=100_000)
def distance_to(word: str, typed: str, prefix: bool, typos: int) -> int:
    """How far `word` is from `typed` (at most typos + 1); as a prefix, the nearest of its beginnings."""
    if not prefix:
        return distance(word, typed, typos)
    if word.startswith(typed):
        return 0
    if len(set(typed).difference(word[: len(typed) + typos])) > typos:
        return typos + 1  # no beginning of the word has enough of the typed letters
    lengths = range(max(1, len(typed) - typos), len(typed) + typos + 1)
    return min(distance(word[:n], typed, typos) for n in lengths)


def matches(word: str, typed: str, typos: int, prefix: bool) -> bool:
    """Whether `word` of a document answers `typed`, as the engines match it."""
    return (
        word == typed
        or (prefix and word.startswith(typed))
        or (typos > 0 and distance_to(word, typed, prefix, typos) <= typos)
    )
