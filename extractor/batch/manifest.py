"""A manifest: a spreadsheet listing of submitted plans, as CSV (a header row) or JSONL (one object a
line), with a ``path`` column. A relative path is taken from the manifest's folder. Every other
column (submitting office, period, reference ...) is carried, as text, into the file's record
(``provenance.submission`` or ``ErrorRecord.submission``) and into the summary."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator

MANIFEST_SUFFIXES = (".csv", ".jsonl")
PATH_COLUMN = "path"


class ManifestError(ValueError):
    """A manifest that cannot be used: no ``path`` column, a row without a path, a line that is not JSON."""


def is_manifest(path: str) -> bool:
    return path.lower().endswith(MANIFEST_SUFFIXES)


def read_manifest(path: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(file path, other columns) for each row of the manifest at ``path``."""
    folder = os.path.dirname(os.path.abspath(path))
    rows = _jsonl_rows(path) if path.lower().endswith(".jsonl") else _csv_rows(path)
    for line, row in rows:
        where = f"{path}:{line}"
        if not isinstance(row, dict):
            raise ManifestError(f"{where}: a row is a JSON object, not {type(row).__name__}")
        listed = str(row.get(PATH_COLUMN) or "").strip()
        if not listed:
            raise ManifestError(f"{where}: no '{PATH_COLUMN}'")
        columns = {str(k): "" if v is None else str(v) for k, v in row.items() if k != PATH_COLUMN}
        yield os.path.join(folder, os.path.expanduser(listed)), columns


def _csv_rows(path: str) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if PATH_COLUMN not in (reader.fieldnames or []):
            raise ManifestError(f"{path}: no '{PATH_COLUMN}' column (columns: {', '.join(reader.fieldnames or [])})")
        for row in reader:
            yield reader.line_num, {k: v for k, v in row.items() if k is not None}


def _jsonl_rows(path: str) -> Iterator[tuple[int, object]]:
    with open(path, encoding="utf-8-sig") as handle:
        for line, text in enumerate(handle, start=1):
            if text.strip():
                try:
                    yield line, json.loads(text)
                except json.JSONDecodeError as error:
                    raise ManifestError(f"{path}:{line}: not JSON: {error.msg}") from error
