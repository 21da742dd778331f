"""The embedded default: one SQLite file, entries searched through FTS5 with BM25 ranking.

The FTS5 table holds each entry's folded words (``folding``) under the entry's id; the
``unicode61 remove_diacritics 2`` tokenizer then agrees with the fold on every mark."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .base import IndexUnavailable
from .documents import Entry
from .query import Term
from .sql import DOCUMENT_COLUMNS, ENTRY_COLUMNS, Param, SqlIndex

_COLUMN_TYPES = {"year": "INTEGER", "year_key": "INTEGER", "checked": "INTEGER", "ordinal": "INTEGER"}
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    {', '.join(f'{c} {_COLUMN_TYPES.get(c, "TEXT")}' for c in DOCUMENT_COLUMNS)}, PRIMARY KEY (sha256));
CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, {', '.join(f'{c} {_COLUMN_TYPES.get(c, "TEXT")}' for c in ENTRY_COLUMNS[1:])});
CREATE INDEX IF NOT EXISTS entries_sha256 ON entries (sha256);
CREATE INDEX IF NOT EXISTS entries_cited ON entries (cited);
CREATE INDEX IF NOT EXISTS documents_path ON documents (path);
CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5 (folded, tokenize = 'unicode61 remove_diacritics 2');
"""


class SqliteIndex(SqlIndex):
    """An index in the SQLite file at ``path`` (made when missing)."""

    def __init__(self, path: str):
        self.path = path
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(path)
            self.conn.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as e:
            raise IndexUnavailable(f"{path}: {e}") from e
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def _match(self, terms: list[Term], param: Param) -> tuple[str, str, str]:
        expr = " AND ".join(f'"{" ".join(t.words)}"' + ("*" if t.prefix else "") for t in terms)
        return ("entries_fts JOIN entries e ON e.id = entries_fts.rowid",
                f"entries_fts MATCH {param(expr)}", "-bm25(entries_fts)")

    def _write_entries(self, rows: list[tuple], entries: list[Entry]) -> None:
        marks = ", ".join("?" * len(ENTRY_COLUMNS))
        self.conn.executemany(f"INSERT INTO entries ({', '.join(ENTRY_COLUMNS)}) VALUES ({marks})", rows)
        self.conn.executemany("INSERT INTO entries_fts (rowid, folded) VALUES (?, ?)",
                              [(row[0], e.folded) for row, e in zip(rows, entries)])

    def _delete(self, shas: list[str]) -> None:
        for sha in shas:
            self._execute("DELETE FROM entries_fts WHERE rowid IN (SELECT id FROM entries WHERE sha256 = ?)", (sha,))
        super()._delete(shas)
