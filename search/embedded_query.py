"""Query plans to tantivy queries: typo-tolerant, prefix-matching, synonym-aware, and always audience-bound."""

from collections.abc import Sequence
from datetime import datetime, timedelta

import tantivy
from tantivy import Occur, Query

from events import audience
from search.embedded_schema import SEARCHABLE
from search.port import SearchRequest, late_audiences
from search.query import Clause, Word

# An approximate match scores well below the exact word. Weights here and in SEARCHABLE are multiples of 0.05
# (see embedded_schema.TIE_SPREAD).
FUZZY_WEIGHT = 0.3
# Mild recency boost: a bonus, small beside a title match, for items updated lately.
RECENT = ((timedelta(days=30), 0.5), (timedelta(days=365), 0.25))


def _word(schema: tantivy.Schema, field: str, word: Word) -> list[Query]:
    exact = [Query.const_score_query(Query.term_query(schema, field, word.text), 1.0)]
    if not (word.typos or word.prefix):
        return exact
    fuzzy = Query.fuzzy_term_query(schema, field, word.text, word.typos, True, word.prefix)
    return [*exact, Query.boost_query(fuzzy, FUZZY_WEIGHT)]


def _phrase(schema: tantivy.Schema, field: str, phrase: Sequence[str]) -> Query:
    words: list[str | tuple[int, str]] = list(phrase)
    found = Query.term_query(schema, field, words[0]) if len(words) == 1 else Query.phrase_query(schema, field, words)
    return Query.const_score_query(found, 1.0)


def _clause(schema: tantivy.Schema, clause: Clause) -> Query:
    """Any field may answer a clause; each field's score is weighted by how much it says about the item.

    Every option scores a constant: tantivy's BM25 would weigh a word by how many documents of the whole index
    hold it, so documents the caller may not see would move the caller's ranking (and tell their words).
    """
    options = [
        Query.boost_query(option, weight)
        for field, weight in SEARCHABLE.items()
        for option in (
            _word(schema, field, clause)
            if isinstance(clause, Word)
            else [_phrase(schema, field, phrase) for phrase in clause.phrases]
        )
    ]
    return Query.boolean_query([(Occur.Should, option) for option in options])


def _audience(schema: tantivy.Schema, request: SearchRequest) -> Query:
    """The caller's audiences; one they joined late admits only documents created from their joining on.
    It applies even when empty: then nothing matches."""
    whole = Query.term_set_query(schema, "audience", audience.seen_whole(request.audiences, request.sees_from))
    late = [
        Query.boolean_query(
            [
                (Occur.Must, Query.term_query(schema, "audience", key)),
                (Occur.Must, Query.range_query(schema, "created_at", tantivy.FieldType.Date, since, None)),
            ]
        )
        for key, since in late_audiences(request.audiences, request.sees_from)
    ]
    return Query.boolean_query([(Occur.Should, admitted) for admitted in [whole, *late]]) if late else whole


def _filters(schema: tantivy.Schema, request: SearchRequest) -> list[Query]:
    wanted = request.filters
    terms = [
        ("kind", wanted.kinds),
        ("practice_areas", wanted.practice_areas),
        ("network_ids", wanted.networks),
        ("author_id", wanted.authors),
    ]
    found = [_audience(schema, request)] + [
        Query.term_set_query(schema, field, list(values)) for field, values in terms if values
    ]
    if wanted.updated_from or wanted.updated_to:
        found.append(
            Query.range_query(schema, "updated_at", tantivy.FieldType.Date, wanted.updated_from, wanted.updated_to)
        )
    return found


def _recency(schema: tantivy.Schema, now: datetime) -> list[Query]:
    return [
        Query.const_score_query(Query.range_query(schema, "updated_at", tantivy.FieldType.Date, now - age), bonus)
        for age, bonus in RECENT
    ]


def build(schema: tantivy.Schema, request: SearchRequest, clauses: Sequence[Clause], now: datetime) -> Query:
    """Every clause must match, within the caller's audiences and filters; recent items score a little higher."""
    matching = [_clause(schema, clause) for clause in clauses] or [Query.all_query()]
    required = [(Occur.Must, query) for query in matching + _filters(schema, request)]
    if request.unseen_authors:
        unseen = Query.term_set_query(schema, "author_id", sorted(request.unseen_authors))
        required.append((Occur.MustNot, unseen))
    return Query.boolean_query(required + [(Occur.Should, boost) for boost in _recency(schema, now)])
