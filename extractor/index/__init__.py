"""Search over plan records: an embedded SQLite index by default, PostgreSQL and
OpenSearch/Elasticsearch as servers, all behind one interface (``base.Index``).

``folding`` is the accent folding every engine and query share, ``documents`` what a record
becomes in an index, ``query`` queries, filters, hits and snippets, ``sql`` what the SQL engines
share, ``sources`` what ``vnplan index`` reads.
"""

from .base import DEFAULT_DB, Index, IndexUnavailable
from .engines import open_index
from .query import Citation, Filters, Hit

__all__ = ["DEFAULT_DB", "Citation", "Filters", "Hit", "Index", "IndexUnavailable", "open_index"]
