"""'Did you mean': corrections drawn only from the words of hits the caller may see."""

from collections import Counter
from collections.abc import Iterable, Sequence

from search.query import Clause, Synonyms, Word, words
from search.spelling import distance_to


def _correction(word: Word, vocabulary: Counter[str]) -> str | None:
    """The nearest visible word, if `word` itself (or as a prefix) appears in none of the hits."""
    if word.typos == 0 or any(w == word.text or (word.prefix and w.startswith(word.text)) for w in vocabulary):
        return None
    near = [(distance_to(w, word.text, word.prefix, word.typos), -n, w) for w, n in vocabulary.items()]
    best = min((entry for entry in near if entry[0] <= word.typos), default=None)
    return best[2] if best else None


def suggestion(clauses: Sequence[Clause], hit_texts: Iterable[str]) -> str | None:
    if not any(isinstance(clause, Word) and clause.typos for clause in clauses):
        return None  # no word long enough to carry a typo: nothing to correct
    vocabulary = Counter(w for text in hit_texts for w in words(text))
    corrected, changed = [], False
    for clause in clauses:
        if isinstance(clause, Synonyms):
            corrected.append(clause.typed)
            continue
        fixed = _correction(clause, vocabulary)
        changed |= fixed is not None
        corrected.append(fixed or clause.text)
    return " ".join(corrected) if changed else None
