"""The embedded engine's tantivy schema, and search documents to and from tantivy documents."""

import hashlib
from datetime import datetime
from pathlib import Path

import tantivy

from search.port import SearchDocument

WORDS = "words"
# Searchable fields and their weight: a title match outranks a keyword match, which outranks the body.
SEARCHABLE = {"title": 3.0, "keywords": 1.5, "text": 1.0}
_KEYWORDS = ("id", "kind", "practice_areas", "tags", "author_id", "author_name", "network_ids", "audience", "path")
_FAST = {"kind", "practice_areas", "author_id", "network_ids"}
_LISTS = {"practice_areas", "tags", "network_ids", "audience"}
# Tantivy multiplies a hit's score by log2(2 + this field): a factor in [1, 1 + TIE_SPREAD) drawn from the
# document's id alone, which orders equally relevant hits without reference to any other document. It stays
# below the gap between two relevance levels (multiples of 0.05, search.embedded_query) for queries of up to
# 16 words.
TIE_BREAK, TIE_SPREAD = "tie_break", 1e-3


def analyzer() -> tantivy.TextAnalyzer:
    """Words folded to lower-case ASCII, without stemming: typo tolerance works on the words as written."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    return (
        builder.filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in _KEYWORDS:
        builder.add_text_field(name, stored=True, fast=name in _FAST, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name=WORDS)
    builder.add_text_field("text", stored=True, tokenizer_name=WORDS)
    builder.add_text_field("keywords", tokenizer_name=WORDS)
    for name in ("created_at", "updated_at"):
        builder.add_date_field(name, stored=True, indexed=True, fast=True)
    builder.add_float_field(TIE_BREAK, fast=True)
    return builder.build()


def open_index(path: Path | None) -> tantivy.Index:
    index = tantivy.Index(schema(), path=str(path) if path else None)
    index.register_tokenizer(WORDS, analyzer())
    # Reloaded by hand after each commit, so a write is searchable as soon as it returns; and by tantivy when it
    # sees a commit, so a process that only searches (serve beside `commons worker indexer`) sees the indexer's.
    index.config_reader(reload_policy="commit")
    return index


def to_tantivy(document: SearchDocument) -> tantivy.Document:
    fields = {name: getattr(document, name) for name in (*_KEYWORDS, "title", "text")}
    fields = {name: list(value) if name in _LISTS else value for name, value in fields.items() if value}
    keywords = [*document.practice_areas, *document.tags, document.author_name or ""]
    stored = tantivy.Document(**fields, keywords=" | ".join(keywords))
    stored.add_date("created_at", document.created_at)
    stored.add_date("updated_at", document.updated_at)
    stored.add_float(TIE_BREAK, _tie_break(document.id))
    return stored


def _tie_break(ident: str) -> float:
    share = int.from_bytes(hashlib.blake2b(ident.encode(), digest_size=8).digest()) / 2**64
    return 2 ** (1 + TIE_SPREAD * share) - 2


def _one(values: list[str | datetime]) -> str | datetime | None:
    return values[0] if values else None


def from_tantivy(stored: tantivy.Document) -> SearchDocument:
    raw = stored.to_dict()
    values = {name: tuple(raw.get(name, ())) if name in _LISTS else _one(raw.get(name, [])) for name in _KEYWORDS}
    dates = {name: _one(raw[name]) for name in ("created_at", "updated_at")}
    return SearchDocument(**values, **dates, title=_one(raw["title"]), text=_one(raw.get("text", [])) or "")  # type: ignore[arg-type]  # tantivy returns each field's values untyped
