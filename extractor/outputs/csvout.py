"""CSV tables: a header row, then one row per mapping, UTF-8, values as text (None as empty)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import TextIO


def write_csv(out: TextIO, columns: list[str], rows: Iterable[Mapping[str, object]]) -> int:
    """Write ``rows`` (their ``columns``, in order) to ``out``; the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
        count += 1
    return count
