"""The Meilisearch adapter, for the distributed mode.

Writes wait for their task, so a document is searchable when `upsert` returns (the indexer's promise); bulk
loads send large batches and wait longer. Every search filters by `audience IN [...]` on the server, so hits,
totals and facet distributions only count what the caller may see.
"""

import contextlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from html import escape
from itertools import islice
from typing import Any

import meilisearch
from meilisearch.errors import MeilisearchApiError

from events import audience
from search.documents import from_json, to_json
from search.port import (
    FACET_FIELDS,
    FACET_VALUES,
    Hit,
    SearchDocument,
    SearchRequest,
    SearchResult,
    Sort,
    late_audiences,
)
from search.query import near, plan
from search.suggest import suggestion, vocabulary
from search.synonyms import as_mapping

WRITE_MS, BULK_MS, BATCH = 30_000, 600_000, 10_000
# Private-use characters as highlight tags, so the text can be escaped before real <mark> tags go in.
OPEN, CLOSE = "\ue000", "\ue001"
# Relevance must come from the caller's visible documents alone. Meilisearch has no index-wide term statistics
# (no tf-idf, no field-length norms): each ranking rule sorts by what one document holds, and hits, totals
# (exhaustive or estimated) and facet counts come from the documents left after the audience filter. Two things
# would still let other documents in, so they are pinned: the `frequency` matching strategy drops the words the
# whole index holds most (searches use `all`), and documents equal on every rule come in internal-id order,
# which other documents' writes change (the last rule is the id). No setting pins the rest short of turning typo
# tolerance off: a query word's typo derivations come from the index-wide dictionary, capped (150 words at one
# typo), and its split into two words takes the pair the whole index holds most.
SETTINGS = {
    # Order is weight: a title match outranks keywords, which outrank the body.
    "searchableAttributes": ["title", "practice_areas", "tags", "author_name", "text"],
    "filterableAttributes": ["audience", *FACET_FIELDS, "updated_ts", "created_ts"],
    "sortableAttributes": ["updated_ts"],
    # The mild recency boost, then the id: among equally good matches, the newer first, then a fixed order.
    "rankingRules": ["words", "typo", "proximity", "attribute", "sort", "exactness", "updated_ts:desc", "id:asc"],
    "synonyms": as_mapping(),
    "typoTolerance": {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9}},
    "faceting": {"maxValuesPerFacet": FACET_VALUES, "sortFacetValuesBy": {"*": "count"}},
    "pagination": {"maxTotalHits": 10_000},
}
# Settings whose order is weight; Meilisearch answers the other lists in an order of its own.
_ORDERED = ("searchableAttributes", "rankingRules")
HEALTH_SECONDS = 2
_SORTS = {Sort.NEWEST: ["updated_ts:desc"], Sort.OLDEST: ["updated_ts:asc"]}


def _any_of(field: str, values: Iterable[str]) -> str:
    return f"{field} IN [{', '.join(json.dumps(value) for value in values)}]"


def audience_filter(audiences: frozenset[str], sees_from: Mapping[str, datetime]) -> str:
    """The caller's audiences; one they joined late admits only documents created from their joining on."""
    whole, late = audience.seen_whole(audiences, sees_from), late_audiences(audiences, sees_from)
    admitted = [_any_of("audience", whole)] if whole or not late else []
    admitted += [f"(audience = {json.dumps(key)} AND created_ts >= {since.timestamp()})" for key, since in late]
    return " OR ".join(admitted)


def _filters(request: SearchRequest) -> list[str]:
    wanted = request.filters
    chosen = {
        "kind": wanted.kinds,
        "practice_areas": wanted.practice_areas,
        "network_ids": wanted.networks,
        "author_id": wanted.authors,
    }
    found = [audience_filter(request.audiences, request.sees_from)]
    found += [_any_of(f, values) for f, values in chosen.items() if values]
    found += [f"NOT {_any_of('author_id', sorted(request.unseen_authors))}"] if request.unseen_authors else []
    found += [f"updated_ts >= {wanted.updated_from.timestamp()}"] if wanted.updated_from else []
    return found + ([f"updated_ts <= {wanted.updated_to.timestamp()}"] if wanted.updated_to else [])


def _holds(found: object, wanted: object, ordered: bool = False) -> bool:
    """Whether a setting as Meilisearch answers it holds what we want (it adds defaults of its own)."""
    if isinstance(wanted, dict):
        return isinstance(found, dict) and all(_holds(found.get(k), v, k in _ORDERED) for k, v in wanted.items())
    if isinstance(wanted, list) and not ordered:
        return isinstance(found, list) and sorted(found) == sorted(wanted)
    return found == wanted


def lacking(current: Mapping[str, Any]) -> dict[str, Any]:
    """The settings an index does not hold yet."""
    return {name: value for name, value in SETTINGS.items() if not _holds(current.get(name), value, name in _ORDERED)}


def _marked(text: str) -> str:
    return escape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def _page(request: SearchRequest) -> dict[str, int]:
    """Whole pages get the exact total (hitsPerPage); other windows an estimate (offset and limit)."""
    if request.limit and request.offset % request.limit == 0:
        return {"hitsPerPage": request.limit, "page": request.offset // request.limit + 1}
    return {"offset": request.offset, "limit": request.limit}


class MeiliIndex:
    def __init__(self, url: str, key: str | None = None, uid: str = "commons") -> None:
        self.client, self.uid = meilisearch.Client(url, key), uid
        self.index = self.client.index(uid)

    def apply_settings(self) -> None:
        self._prepare(self.uid)

    def healthy(self) -> bool:
        return meilisearch.Client(self.client.config.url, self.client.config.api_key, HEALTH_SECONDS).is_healthy()

    def _prepare(self, uid: str) -> None:
        """Sends only the settings the index lacks: every start of the indexer and of each gateway comes here,
        and a settings change makes Meilisearch index every document again."""
        self.client.wait_for_task(self.client.create_index(uid, {"primaryKey": "id"}).task_uid, WRITE_MS)
        if missing := lacking(self.client.index(uid).get_settings()):
            self._wait(self.client.index(uid).update_settings(missing).task_uid, BULK_MS)

    def upsert(self, documents: Sequence[SearchDocument]) -> None:
        if documents:
            self._wait(self.index.add_documents([_stored(d) for d in documents], "id").task_uid, WRITE_MS)

    def delete(self, ids: Sequence[str]) -> None:
        if ids:
            self._wait(self.index.delete_documents(list(ids)).task_uid, WRITE_MS)

    def search(self, request: SearchRequest) -> SearchResult:
        if not request.audiences:
            return SearchResult([], 0)
        found = self.index.search(
            request.query,
            {
                "filter": _filters(request),
                "facets": list(request.facets),
                "matchingStrategy": "all",
                **_page(request),
                "attributesToHighlight": ["title", "text"],
                "attributesToCrop": ["text"],
                "cropLength": 30,
                "highlightPreTag": OPEN,
                "highlightPostTag": CLOSE,
                "showRankingScore": True,
                **({"sort": _SORTS[request.sort]} if request.sort in _SORTS else {}),
            },
        )
        hits = [_hit(raw) for raw in found["hits"]]
        clauses = plan(request.query)
        seen = vocabulary(text for hit in hits for text in (hit.document.title, hit.document.text))
        return SearchResult(
            hits,
            found.get("totalHits", found.get("estimatedTotalHits", 0)),
            found.get("facetDistribution", {}),
            suggestion(clauses, seen, near(clauses, seen)) if hits else None,
        )

    def count(self) -> int:
        return self.index.get_stats().number_of_documents

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        fresh, written = f"{self.uid}_rebuild", 0
        self._drop(fresh)
        self._prepare(fresh)
        stored = (_stored(d) for d in documents)
        while batch := list(islice(stored, BATCH)):
            self._wait(self.client.index(fresh).add_documents(batch, "id").task_uid, BULK_MS)
            written += len(batch)
        self._prepare(self.uid)  # the live index must exist to be swapped
        self._wait(self.client.swap_indexes([{"indexes": [self.uid, fresh]}]).task_uid, BULK_MS)
        self._drop(fresh)
        return written

    def tenant_token(
        self,
        audiences: frozenset[str],
        sees_from: Mapping[str, datetime],
        api_key_uid: str,
        api_key: str,
        minutes: int = 60,
    ) -> str:
        """A token a browser may search with directly: Meilisearch enforces the audience filter itself."""
        rules = {self.uid: {"filter": audience_filter(audiences, sees_from)}}
        expires = datetime.now(UTC) + timedelta(minutes=minutes)
        return self.client.generate_tenant_token(api_key_uid, rules, expires_at=expires, api_key=api_key)

    def close(self) -> None:
        """The HTTP client holds nothing that needs closing."""

    def _wait(self, task_uid: int, timeout_ms: int) -> None:
        task = self.client.wait_for_task(task_uid, timeout_ms)
        if task.status != "succeeded":
            raise RuntimeError(f"Meilisearch task {task_uid} {task.status}: {task.error}")

    def _drop(self, uid: str) -> None:
        with contextlib.suppress(MeilisearchApiError):
            self.client.wait_for_task(self.client.delete_index(uid).task_uid, WRITE_MS)


def _stored(document: SearchDocument) -> dict[str, Any]:
    times = {"updated_ts": document.updated_at.timestamp(), "created_ts": document.created_at.timestamp()}
    return {**to_json(document), **times}


def _hit(raw: dict[str, Any]) -> Hit:
    shown = raw.get("_formatted", raw)
    stored = {k: v for k, v in raw.items() if not k.startswith("_") and k not in ("updated_ts", "created_ts")}
    title, snippet = _marked(shown["title"]), _marked(shown.get("text", ""))
    return Hit(from_json(stored), title, snippet, raw.get("_rankingScore", 0.0))
