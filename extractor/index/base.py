"""The interface every engine has, and the one place an index location picks its engine.

An engine module gives a class with ``add(record, report)``, ``remove(key)``, ``search(query,
filters, limit)``, ``cites(number)`` and ``close()``; a new engine is a new module
and one line in ``engines.open_index``.
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import urlsplit

from ..records import CheckReport, PlanRecord
from .query import Citation, Filters, Hit

DEFAULT_DB = "plans.sqlite"


class IndexUnavailable(Exception):
    """An index that cannot be opened or written: the message names the place and the cause."""


class Index(Protocol):
    def add(self, record: PlanRecord, report: CheckReport | None = None) -> None:
        """Index a plan (and its check report), replacing what was indexed under its sha256."""

    def remove(self, key: str) -> int:
        """Remove the plans whose sha256 or path is ``key``; how many were removed."""

    def search(self, query: str, filters: Filters, limit: int = 20) -> list[Hit]:
        """Entries matching ``query`` (every entry when it has no terms) and ``filters``, best first."""

    def cites(self, number: str) -> list[Citation]:
        """The plans that cite or implement the document numbered ``number``."""

    def close(self) -> None:
        """Write what is pending and let go of the connection."""


def display(location: str | None) -> str:
    """``location`` for messages: a URL without its user and password."""
    location = location or DEFAULT_DB
    if "://" not in location:
        return location
    parts = urlsplit(location)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or 'localhost'}{port}{parts.path}"
