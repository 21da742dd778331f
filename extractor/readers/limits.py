"""How much a reader takes on: the file size and the page count, each with an override.

``DEFAULT_MAX_BYTES`` (100 MB; ``read(max_bytes=...)`` or ``$VNPLAN_MAX_BYTES``) bounds every
file before it is opened; ``DEFAULT_MAX_PAGES`` (2,000; ``$VNPLAN_MAX_PAGES``) bounds the pages
of a PDF or a multi-page image before any page is read. A plan runs to tens of pages; a
longer file is refused by name rather than read for minutes.
"""

from __future__ import annotations

import os
from typing import Optional

from .base import ReadError

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_PAGES = 2000
MAX_BYTES_VARIABLE = "VNPLAN_MAX_BYTES"
MAX_PAGES_VARIABLE = "VNPLAN_MAX_PAGES"


def byte_limit(given: Optional[int] = None) -> int:
    """The file size limit: ``given``, else ``$VNPLAN_MAX_BYTES``, else the default."""
    return given if given is not None else _configured(MAX_BYTES_VARIABLE, DEFAULT_MAX_BYTES)


def page_limit() -> int:
    """The page limit: ``$VNPLAN_MAX_PAGES``, else the default."""
    return _configured(MAX_PAGES_VARIABLE, DEFAULT_MAX_PAGES)


def check_page_count(count: int, name: str) -> None:
    """ReadError ``too_many_pages`` when a document has more pages than the limit."""
    limit = page_limit()
    if count > limit:
        raise ReadError("too_many_pages", f"'{name}' has {count} pages, over the limit of {limit} "
                        f"(set ${MAX_PAGES_VARIABLE} to read it)")


def megabytes(size: int) -> str:
    """A size for a reason: '12.3 MB', or 'N bytes' under a megabyte."""
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _configured(variable: str, default: int) -> int:
    value = os.environ.get(variable, "").strip()
    return int(value) if value.isdigit() else default
