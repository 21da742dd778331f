"""What the SQL engines share: the tables' columns, writing a plan's rows, the filters, the search
and the citation queries. An engine subclass gives its connection, its placeholder, its full-text
match and how it writes the entry rows."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..check import number_key
from ..records import CheckReport, PlanRecord
from .documents import (
    DOCUMENT_FACETS,
    ENTRY_FACETS,
    KINDS,
    SUBSTRING_FACETS,
    DocumentInfo,
    Entry,
    Evidence,
    Part,
    describe,
    facet_key,
)
from .query import Citation, Filters, Hit, Term, hit, parse

DOCUMENT_COLUMNS = ("sha256", "document", "path", "doc_type", "number", "title", "issuer", "date", "year",
                    "level", "province", "parent", "checked") + tuple(f"{f}_key" for f in DOCUMENT_FACETS) + (
                    "record", "report")
ENTRY_COLUMNS = ("id", "sha256", "kind", "ordinal", "title", "parts", "data", "cited", "body", "code", "severity")
Param = Callable[[Any], str]


def document_row(info: DocumentInfo, record: PlanRecord, report: CheckReport | None) -> tuple:
    """The values of ``DOCUMENT_COLUMNS`` for a plan."""
    facets = info.facets()
    return (info.sha256, info.document, info.path, info.doc_type, info.number, info.title, info.issuer, info.date,
            info.year, info.level, info.province, info.parent, info.checked,
            *(facets[f] for f in DOCUMENT_FACETS), record.model_dump_json(),
            report.model_dump_json() if report else None)


def entry_row(entry_id: int, sha256: str, entry: Entry) -> tuple:
    """The values of ``ENTRY_COLUMNS`` for an entry."""
    parts = [{"text": p.text, "evidence": p.evidence.__dict__ if p.evidence else None} for p in entry.parts]
    return (entry_id, sha256, entry.kind, entry.ordinal, entry.title, json.dumps(parts, ensure_ascii=False),
            json.dumps(entry.data, ensure_ascii=False), entry.cited, entry.body, entry.code, entry.severity)


def _parts(value: Any) -> list[Part]:
    return [Part(p["text"], Evidence(**p["evidence"]) if p["evidence"] else None) for p in _loads(value)]


def _loads(value: Any) -> Any:
    """A JSON column's value: PostgreSQL's driver gives JSONB decoded, SQLite gives text."""
    return json.loads(value) if isinstance(value, str) else value


def filter_conditions(filters: Filters, param: Param) -> list[str]:
    """SQL conditions on ``e`` (entries) and ``d`` (documents) for ``filters``."""
    conds = []
    if filters.kinds:
        conds.append(f"e.kind IN ({', '.join(param(k) for k in filters.kinds)})")
    for name, value in filters.given().items():
        key = facet_key(name, value)
        op, key = ("LIKE", f"%{key}%") if name in SUBSTRING_FACETS else ("=", key)
        if name in DOCUMENT_FACETS:
            conds.append(f"d.{name}_key {op} {param(key)}")
            continue
        kind, column = ENTRY_FACETS[name]
        conds.append(f"((e.kind = '{kind}' AND e.{column} {op} {param(key)}) OR (e.kind <> '{kind}' AND e.sha256 IN "
                     f"(SELECT o.sha256 FROM entries o WHERE o.kind = '{kind}' AND o.{column} {op} {param(key)})))")
    return conds


class SqlIndex:
    """An index in a SQL database; subclasses connect and give the dialect."""

    placeholder = "?"
    conn: Any

    def _match(self, terms: list[Term], param: Param) -> tuple[str, str, str]:
        """The FROM clause, the match condition and the score expression of a full-text query."""
        raise NotImplementedError

    def _write_entries(self, rows: list[tuple], entries: list[Entry]) -> None:
        raise NotImplementedError

    def _next_id(self) -> int:
        (last,), = self._query("SELECT COALESCE(MAX(id), 0) FROM entries")
        return int(last) + 1

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.conn.cursor()
        cur.execute(sql, params)
        return cur.fetchall()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        cur = self.conn.cursor()
        cur.execute(sql, params)
        return cur.rowcount

    def add(self, record: PlanRecord, report: CheckReport | None = None) -> None:
        info, entries = describe(record, report)
        self._delete([info.sha256])
        marks = ", ".join([self.placeholder] * len(DOCUMENT_COLUMNS))
        self._execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES ({marks})",
                      document_row(info, record, report))
        first = self._next_id()
        self._write_entries([entry_row(first + i, info.sha256, e) for i, e in enumerate(entries)], entries)

    def _delete(self, shas: list[str]) -> None:
        for sha in shas:
            self._execute(f"DELETE FROM entries WHERE sha256 = {self.placeholder}", (sha,))
            self._execute(f"DELETE FROM documents WHERE sha256 = {self.placeholder}", (sha,))

    def remove(self, key: str) -> int:
        p = self.placeholder
        shas = [sha for sha, in self._query(f"SELECT sha256 FROM documents WHERE sha256 = {p} OR path = {p}",
                                            (key, key))]
        self._delete(shas)
        return len(shas)

    def search(self, query: str, filters: Filters, limit: int = 20) -> list[Hit]:
        terms = parse(query)
        params: list[Any] = []

        def param(value: Any) -> str:
            params.append(value)
            return self.placeholder

        source, score = "entries e", "0"
        conds = []
        if terms:
            source, match, score = self._match(terms, param)
            conds.append(match)
        conds += filter_conditions(filters, param)
        where = " AND ".join(conds) or "TRUE"
        sql = (f"SELECT e.kind, e.sha256, d.document, e.ordinal, e.title, {score} AS score, e.parts, e.data "
               f"FROM {source} JOIN documents d ON d.sha256 = e.sha256 WHERE {where} "
               f"ORDER BY score DESC, d.document, e.kind, e.ordinal LIMIT {param(limit)}")
        return [hit(kind, sha, doc, ordinal, title, float(sc), _parts(parts), terms, _loads(data))
                for kind, sha, doc, ordinal, title, sc, parts, data in self._query(sql, params)]

    def cites(self, number: str) -> list[Citation]:
        p, key = self.placeholder, number_key(number)
        mentions: dict[str, list[Evidence]] = {}
        for sha, parts in self._query(f"SELECT sha256, parts FROM entries WHERE kind = 'reference' AND cited = {p} "
                                      "ORDER BY sha256, ordinal", (key,)):
            seen = mentions.setdefault(sha, [])
            for part in _parts(parts):
                if part.evidence and part.evidence not in seen:
                    seen.append(part.evidence)
        rows = self._query(
            f"SELECT sha256, document, path, number, title, issuer, date, parent_key, report FROM documents "
            f"WHERE parent_key = {p} OR sha256 IN (SELECT sha256 FROM entries WHERE kind = 'reference' "
            f"AND cited = {p}) ORDER BY document, sha256", (key, key))
        return [_citation(row, key, mentions.get(row[0], [])) for row in rows]

    def counts(self) -> dict[str, int]:
        out = {"documents": self._query("SELECT COUNT(*) FROM documents")[0][0]}
        found = dict(self._query("SELECT kind, COUNT(*) FROM entries GROUP BY kind"))
        out.update({kind: int(found.get(kind, 0)) for kind in KINDS})
        return out

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()


def _citation(row: tuple, key: str, mentions: list[Evidence]) -> Citation:
    sha, document, path, number, title, issuer, date, parent_key, report = row
    report = CheckReport.model_validate(_loads(report)) if report else None
    alignment = [r.model_dump(mode="json") for r in report.alignment] if report else []
    return Citation(sha, document, path, number, title, issuer, date, cites=bool(mentions),
                    implements=parent_key == key, mentions=mentions,
                    parent=report.parent.model_dump(mode="json") if report else None,
                    verdicts=dict(Counter(r["verdict"] for r in alignment)), alignment=alignment)
