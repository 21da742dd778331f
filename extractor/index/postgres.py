"""PostgreSQL: the records as JSONB beside typed columns, entries searched with a ``tsvector``.

Entries carry their folded words (``folding``) and a generated ``tsvector`` in the ``vnplan`` text
search configuration: ``simple`` behind the ``unaccent`` dictionary, so that SQL written by hand
against the tables (``to_tsquery('vnplan', 'trẻ & em')``) folds like vnplan's own queries. Ranked
by ``ts_rank_cd``; prefixes and phrases are tsquery's ``:*`` and ``<->``."""

from __future__ import annotations

from typing import Any

from .base import IndexUnavailable, display
from .documents import Entry
from .query import Term
from .sql import DOCUMENT_COLUMNS, ENTRY_COLUMNS, Param, SqlIndex

_TYPES = {"year": "integer", "year_key": "integer", "checked": "boolean", "record": "jsonb", "report": "jsonb",
          "parts": "jsonb", "data": "jsonb", "ordinal": "integer"}
_WORD_TOKENS = "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart"
_SCHEMA = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vnplan') THEN
    CREATE TEXT SEARCH CONFIGURATION vnplan (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION vnplan ALTER MAPPING FOR {_WORD_TOKENS} WITH unaccent, simple;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS documents (
    {', '.join(f'{c} {_TYPES.get(c, "text")}' for c in DOCUMENT_COLUMNS)}, PRIMARY KEY (sha256));
CREATE TABLE IF NOT EXISTS entries (
    id bigint PRIMARY KEY, {', '.join(f'{c} {_TYPES.get(c, "text")}' for c in ENTRY_COLUMNS[1:])},
    folded text NOT NULL, tsv tsvector GENERATED ALWAYS AS (to_tsvector('vnplan', folded)) STORED);
CREATE INDEX IF NOT EXISTS entries_tsv ON entries USING gin (tsv);
CREATE INDEX IF NOT EXISTS entries_sha256 ON entries (sha256);
CREATE INDEX IF NOT EXISTS entries_cited ON entries (cited);
CREATE INDEX IF NOT EXISTS documents_path ON documents (path);
"""


class PostgresIndex(SqlIndex):
    """An index in the PostgreSQL database at ``url`` (tables and configuration made when missing)."""

    placeholder = "%s"

    def __init__(self, url: str):
        import psycopg

        self.url = url
        try:
            self.conn: Any = psycopg.connect(url, connect_timeout=10)
            self.conn.execute(_SCHEMA)
            self.conn.commit()
        except psycopg.Error as e:
            raise IndexUnavailable(f"{display(url)}: {str(e).strip().splitlines()[0]}") from e

    def _match(self, terms: list[Term], param: Param) -> tuple[str, str, str]:
        expr = " & ".join("(" + " <-> ".join(t.words) + (":*" if t.prefix else "") + ")" for t in terms)
        return (f"entries e CROSS JOIN to_tsquery('vnplan', {param(expr)}) AS q",
                "e.tsv @@ q", "ts_rank_cd(e.tsv, q, 1)")

    def _write_entries(self, rows: list[tuple], entries: list[Entry]) -> None:
        with self.conn.cursor().copy(f"COPY entries ({', '.join(ENTRY_COLUMNS)}, folded) FROM STDIN") as copy:
            for row, entry in zip(rows, entries):
                copy.write_row((*row, entry.folded))

