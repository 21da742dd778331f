"""The one place an index location picks its engine: a new engine is one line here."""

from __future__ import annotations

from .base import DEFAULT_DB, Index


def open_index(location: str | None = None) -> Index:
    """The index at ``location``: a PostgreSQL URL, an OpenSearch/Elasticsearch http(s) URL, or a
    SQLite file (``plans.sqlite`` by default)."""
    location = location or DEFAULT_DB
    if location.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresIndex
        return PostgresIndex(location)
    if location.startswith(("http://", "https://")):
        from .opensearch import OpenSearchIndex
        return OpenSearchIndex(location)
    from .sqlite import SqliteIndex
    return SqliteIndex(location)
