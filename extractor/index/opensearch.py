"""OpenSearch / Elasticsearch: one search document per entry, its plan's fields copied in.

``search_document`` makes the documents from ``documents.describe`` (the rows the SQL engines
store), ``index_mapping`` makes the mapping from the same dataclasses (``schemas/index_mapping.json``
is generated from it), ``bulk_lines`` writes them as bulk NDJSON and ``OpenSearchIndex`` sends them
through opensearch-py's bulk helpers. Text is analysed by ``vi_folded``: đ/Đ mapped to d by a char
filter, then lower case and ASCII folding, which agrees with ``folding.fold`` for Vietnamese.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any
from urllib.parse import urlsplit

from ..records import SCHEMA_VERSION, CheckReport, PlanRecord
from .base import IndexUnavailable
from .documents import (
    DOCUMENT_FACETS,
    DocumentInfo,
    Entry,
    Evidence,
    describe,
    sha256_of,
)
from .query import Citation, Filters, Hit

INDEX_NAME = "vnplan"
ANALYZER = "vi_folded"
# Text searched word by word (and kept whole as ``.keyword`` for facets); every other string is a keyword.
TEXT_FIELDS = ("title", "issuer", "text", "entry_title")
_UNINDEXED_TEXT = {"type": "text", "index": False}


def search_document(info: DocumentInfo, entry: Entry) -> dict[str, Any]:
    """The search document of one entry: its plan's fields, the plan's filter keys, the entry."""
    doc = {f.name: getattr(info, f.name) for f in fields(DocumentInfo)}
    doc["keys"] = info.facets()
    doc.update(kind=entry.kind, ordinal=entry.ordinal, entry_title=entry.title, text=entry.text,
               cited=entry.cited, body=entry.body, code=entry.code, severity=entry.severity,
               parts=[{"text": p.text, "evidence": p.evidence.__dict__ if p.evidence else None} for p in entry.parts],
               data=entry.data)
    return doc


def document_id(info: DocumentInfo, entry: Entry) -> str:
    return f"{info.sha256}:{entry.kind}:{entry.ordinal}"


def _field_type(hint: Any) -> dict[str, Any]:
    """The mapping of a dataclass field's type: str and Literal → keyword, int → integer, bool →
    boolean, a dataclass → an object of its fields; Optional[X] and list[X] map as X."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) is typing.Literal:
        return {"type": "keyword"}
    if typing.get_origin(hint) in (typing.Union, types.UnionType, list, tuple):
        return _field_type(args[0])
    if isinstance(hint, type) and is_dataclass(hint):
        return _properties(hint)
    return {"type": {str: "keyword", int: "integer", float: "float", bool: "boolean"}[hint]}


def _properties(cls: type, text: Iterable[str] = (), unindexed: Iterable[str] = ()) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props = {}
    for f in fields(cls):
        if f.name in unindexed:
            props[f.name] = _UNINDEXED_TEXT
        elif f.name in text:
            props[f.name] = {"type": "text", "analyzer": ANALYZER, "fields": {"keyword": {"type": "keyword"}}}
        else:
            props[f.name] = _field_type(hints[f.name])
    return {"properties": props}


def index_mapping() -> dict[str, Any]:
    """The index's settings and mapping, generated from ``DocumentInfo``, ``Entry`` and ``Evidence``."""
    info = _properties(DocumentInfo, text=TEXT_FIELDS)["properties"]
    entry = _properties(Entry, unindexed=("parts", "data"))["properties"]
    entry["entry_title"] = info["title"]
    entry.pop("title")
    hints = typing.get_type_hints(DocumentInfo)
    keys = {name: _field_type(hints[name]) for name in DOCUMENT_FACETS}
    evidence = _properties(Evidence, unindexed=("text",))
    parts = {"properties": {"text": _UNINDEXED_TEXT, "evidence": evidence}}
    props = {**info, "keys": {"properties": keys}, **entry,
             "text": {"type": "text", "analyzer": ANALYZER}, "parts": parts,
             "data": {"type": "object", "enabled": False}}
    return {
        "_meta": {"schema_version": SCHEMA_VERSION,
                  "generated_from": "extractor.index.documents (DocumentInfo, Entry, Evidence)"},
        "settings": {"analysis": {
            "char_filter": {"d_stroke": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}},
            "analyzer": {ANALYZER: {"type": "custom", "char_filter": ["d_stroke"], "tokenizer": "standard",
                                    "filter": ["lowercase", "asciifolding"]}}}},
        "mappings": {"dynamic": "strict", "properties": dict(sorted(props.items()))},
    }


def bulk_actions(pairs: Iterable[tuple[PlanRecord, CheckReport | None]], index: str = INDEX_NAME
                 ) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(action, document) for every entry of every plan."""
    for record, report in pairs:
        info, entries = describe(record, report)
        for entry in entries:
            yield {"index": {"_index": index, "_id": document_id(info, entry)}}, search_document(info, entry)


def bulk_lines(pairs: Iterable[tuple[PlanRecord, CheckReport | None]], index: str = INDEX_NAME) -> Iterator[str]:
    """The bulk NDJSON of ``pairs``: an action line, then its document, each ending in a newline."""
    for action, doc in bulk_actions(pairs, index):
        yield json.dumps(action, ensure_ascii=False) + "\n"
        yield json.dumps(doc, ensure_ascii=False) + "\n"


class OpenSearchIndex:
    """Writes to the index ``vnplan`` at ``url`` (made with the generated mapping when missing),
    replacing a plan's entries on re-indexing; searching goes through the server's own query API."""

    def __init__(self, url: str, index: str = INDEX_NAME, max_retries: int = 3, timeout: float = 10):
        from opensearchpy import OpenSearch

        parts = urlsplit(url)
        self.host = f"{parts.hostname}:{parts.port or 9200}"
        self.index = index
        self.client = OpenSearch([url], max_retries=max_retries, retry_on_timeout=True, timeout=timeout)
        self._pending: list[tuple[PlanRecord, CheckReport | None]] = []
        self._call(self._create)

    def _call(self, fn: Any, *args: Any) -> Any:
        """``fn(*args)``; a server that cannot be reached or refuses raises IndexUnavailable naming it."""
        from opensearchpy.exceptions import ConnectionError, TransportError

        try:
            return fn(*args)
        except ConnectionError as e:
            cause = getattr(e, "info", None) or e
            raise IndexUnavailable(f"{self.host}: cannot reach the server ({_reason(cause)})") from e
        except TransportError as e:
            raise IndexUnavailable(f"{self.host}: {e.status_code} {e.error}") from e

    def _create(self) -> None:
        if not self.client.indices.exists(index=self.index):
            mapping = index_mapping()
            self.client.indices.create(index=self.index, body={"settings": mapping["settings"],
                                                               "mappings": mapping["mappings"]})

    def add(self, record: PlanRecord, report: CheckReport | None = None) -> None:
        self._pending.append((record, report))
        if len(self._pending) >= 200:
            self._flush()

    def _flush(self) -> None:
        from opensearchpy import helpers

        if not self._pending:
            return
        shas = [sha256_of(record) for record, _ in self._pending]
        self._call(self._delete, {"terms": {"sha256": shas}})
        actions = ({**action["index"], "_source": doc} for action, doc in bulk_actions(self._pending, self.index))
        # raise_on_error=False lets the helper retry the items the server throttled (429)
        _, failed = self._call(lambda: helpers.bulk(self.client, actions, max_retries=3, initial_backoff=1,
                                                    raise_on_error=False))
        self._pending = []
        if failed:
            item = next(iter(failed[0].values()))
            raise IndexUnavailable(f"{self.host}: {len(failed)} document(s) not indexed, the first "
                                   f"({item.get('_id')}): {item.get('status')} {item.get('error', '')}".rstrip())

    def _delete(self, query: dict[str, Any]) -> int:
        return self.client.delete_by_query(index=self.index, body={"query": query}, refresh=True)["deleted"]

    def remove(self, key: str) -> int:
        self._flush()
        query = {"bool": {"should": [{"term": {"sha256": key}}, {"term": {"path": key}}]}}
        return self._call(self._delete, query)

    def search(self, query: str, filters: Filters, limit: int = 20) -> list[Hit]:
        raise self._no_search()

    def cites(self, number: str) -> list[Citation]:
        raise self._no_search()

    def _no_search(self) -> IndexUnavailable:
        return IndexUnavailable(f"{self.host}: vnplan writes OpenSearch indexes but searches only SQLite and "
                                "PostgreSQL; query this one with OpenSearch's own API")

    def close(self) -> None:
        self._flush()
        self.client.close()


def _reason(cause: Any) -> str:
    """The innermost cause of a connection failure, in one line ("Connection refused")."""
    for _ in range(10):
        inner = getattr(cause, "reason", None) or getattr(cause, "__context__", None)
        if inner is None:
            break
        cause = inner
    return str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
