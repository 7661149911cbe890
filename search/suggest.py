"""'Did you mean': corrections drawn only from the words of hits the caller may see."""

from collections import Counter
from collections.abc import Iterable, Sequence

from search.query import Clause, Near, Synonyms, Word, words


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """The words of a page's texts, folded as the engines index them, with how often each occurs."""
    return Counter(words(" ".join(texts)))


def _correction(found: dict[str, int], seen: Counter[str]) -> str | None:
    """The nearest word seen (the more frequent of equals) of those `found` near a typed word, unless it was seen
    as typed (or, for the last word, begun as typed)."""
    if 0 in found.values():
        return None
    best = min(((far, -seen[w], w) for w, far in found.items()), default=None)
    return best[2] if best else None


def suggestion(clauses: Sequence[Clause], seen: Counter[str], near: Near) -> str | None:
    """A corrected query from `seen`, the `vocabulary` of the hits, and `near`, the words of it near each of the
    query's; None when nothing needs correcting."""
    if not any(isinstance(clause, Word) and clause.typos for clause in clauses):
        return None  # no word long enough to carry a typo: nothing to correct
    corrected, changed = [], False
    for clause in clauses:
        if isinstance(clause, Synonyms):
            corrected.append(clause.typed)
            continue
        fixed = _correction(near[clause], seen) if clause.typos else None
        changed |= fixed is not None
        corrected.append(fixed or clause.text)
    return " ".join(corrected) if changed else None
