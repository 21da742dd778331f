"""CSV tables: a header row, then one row per mapping, UTF-8, values as text (None as empty).

A spreadsheet opening a CSV file runs a cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab
or carriage return before one) as a formula (``=HYPERLINK(...)`` from a plan's title, say), so such
a text cell is written with a leading apostrophe, as OWASP advises; numbers are written as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """A cell's value as a spreadsheet may show it: a text that would be read as a formula is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(out: TextIO, columns: list[str], rows: Iterable[Mapping[str, object]]) -> int:
    """Write ``rows`` (their ``columns``, in order) to ``out``; the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(["" if row.get(c) is None else inert(row.get(c)) for c in columns])
        count += 1
    return count
