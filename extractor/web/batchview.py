"""The view of a ``vnplan batch`` output folder: its ``summary.csv`` (one row per input), sorted on
the server by any column or by ``findings`` (the findings of every severity, then errors, then
warnings), and its ``run.json``; folders are opened by a path under a configured root, never above it.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..index.folding import fold
from .plans import Refusal

SUMMARY, RUN = "summary.csv", "run.json"
SEVERITY_COLUMNS = ("findings_error", "findings_warning", "findings_info")
FINDINGS = "findings"  # the computed column: findings of every severity
ALWAYS = ("file", "status", FINDINGS)  # shown even when empty; other columns only when some row has a value
NUMERIC = ("targets", "references", "bodies", FINDINGS, *SEVERITY_COLUMNS, "meets", "below", "above", "missing", "extra")
# the columns shown, in this order, when the summary has them; labels in Vietnamese and English
SHOWN = (("file", "Tệp", "file"), ("status", "Trạng thái", "status"), ("error", "Mã lỗi", "error"),
         ("doc_type", "Loại", "type"), ("number", "Số", "number"), ("issuer", "Cơ quan ban hành", "issuer"),
         ("level", "Cấp", "level"), ("date", "Ngày", "date"), ("parent", "Cấp trên", "parent"),
         ("targets", "Chỉ tiêu", "targets"), ("references", "Viện dẫn", "references"),
         ("bodies", "Cơ quan", "bodies"), (FINDINGS, "Phát hiện", "findings"),
         ("findings_error", "Lỗi", "errors"), ("findings_warning", "Cảnh báo", "warnings"),
         ("findings_info", "Ghi chú", "notes"), ("meets", "Đạt", "meets"), ("below", "Thấp hơn", "below"),
         ("missing", "Thiếu", "missing"))


@dataclass
class Batch:
    folder: Path
    name: str  # as the page names it: its path under the root, or the folder given
    columns: list[tuple[str, str, str]]
    rows: list[dict[str, str]]
    run: dict[str, Any] = field(default_factory=dict)


def _number(value: str) -> Optional[float]:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _total(row: dict[str, str]) -> str:
    counts = [_number(row.get(c) or "") for c in SEVERITY_COLUMNS]
    return "" if all(c is None for c in counts) else f"{sum(c or 0 for c in counts):g}"


def open_batch(folder: Path, name: str) -> Batch:
    """The summary of the batch output folder ``folder``; Refusal ``not_a_batch`` without one."""
    summary = folder / SUMMARY
    if not summary.is_file():
        raise Refusal("not_a_batch", f"{name}: no {SUMMARY} there (is it a `vnplan batch --out` folder?)")
    with open(summary, encoding="utf-8-sig", newline="") as f:
        rows = [dict(r) for r in csv.DictReader(f)]
    for row in rows:
        row[FINDINGS] = _total(row)
    present = set(rows[0]) if rows else set()
    columns = [c for c in SHOWN if c[0] in present and (c[0] in ALWAYS or any(r.get(c[0]) for r in rows))]
    try:
        run = json.loads((folder / RUN).read_text("utf-8")) if (folder / RUN).is_file() else {}
    except ValueError:
        run = {}
    return Batch(folder, name, columns, rows, run if isinstance(run, dict) else {})


def sort_rows(rows: list[dict[str, str]], column: Optional[str], descending: bool) -> list[dict[str, str]]:
    """``rows`` by ``column``: numbers as numbers, text folded (accents aside), empty cells last in
    either order; ``findings`` breaks ties by errors, then warnings. An unknown column keeps the order."""
    if not column or not rows or column not in rows[0]:
        return rows
    keys = [column] + (list(SEVERITY_COLUMNS[:2]) if column == FINDINGS else [])
    numeric = all(_number(r.get(column) or "") is not None for r in rows if r.get(column))

    def key(row: dict[str, str]) -> tuple:
        if numeric:
            return tuple(_number(row.get(k) or "") or 0.0 for k in keys)
        return (fold(row.get(column) or ""),)

    filled = [r for r in rows if r.get(column)]
    empty = [r for r in rows if not r.get(column)]
    return sorted(filled, key=key, reverse=descending) + empty


def under_root(root: Optional[Path], relative: str) -> Path:
    """The folder ``relative`` names under ``root``; Refusal when there is no root or it leads out."""
    if root is None:
        raise Refusal("no_batch_root", "this server was started without --batch-root, so no folder can be opened")
    folder = (root / relative).resolve()
    if not folder.is_relative_to(root.resolve()):
        raise Refusal("outside_root", f"{relative!r} is outside the batch root")
    return folder


def batches_under(root: Path, depth: int = 3) -> list[str]:
    """The batch output folders under ``root`` (those with a summary), as paths relative to it."""
    found: list[str] = []

    def walk(folder: Path, level: int) -> None:
        if (folder / SUMMARY).is_file():
            found.append(str(folder.relative_to(root)) if folder != root else ".")
        if level < depth:
            for child in sorted(folder.iterdir()):
                if child.is_dir() and not child.name.startswith(".") and not child.is_symlink():
                    walk(child, level + 1)

    if root.is_dir():
        walk(root, 0)
    return found
