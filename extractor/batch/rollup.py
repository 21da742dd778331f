"""The view a higher-level office needs across many checked plans.

``alignment_table``: one row per checked plan, one column per parent target, the plan's value and
verdict in each cell (``70 below``, ``missing``). ``rollup``: one row per parent target: how many
plans were checked against its parent, how many carry it, meet it (or go above), fall below it or
leave it out; the minimum, median and maximum of their values; which issuers fall below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from statistics import median

from .summary import Cell, Row

TABLE_COLUMNS = ["file", "issuer", "level", "parent"]
ROLLUP_COLUMNS = ["parent", "target", "parent_value", "plans", "carry", "meet", "above", "below", "missing",
                  "min", "median", "max", "issuers_below"]
VERDICT_FILLS = {"below": "F8D7DA", "missing": "F8D7DA", "meets": "D4EDDA", "above": "D4EDDA"}

Plan = tuple[Row, list[Cell]]


def alignment_table(plans: Iterable[Plan]) -> tuple[list[str], list[dict[str, object]]]:
    """The columns and rows of the table of checked plans (plans without a parent left out)."""
    plans = [(row, cells) for row, cells in plans if cells]
    targets = _targets(plans)
    several = len({parent for parent, _ in targets}) > 1
    column = {key: f"{key[0]} {key[1]}" if several else key[1] for key in targets}
    rows = []
    for row, cells in plans:
        out: dict[str, object] = {"file": row.file, "issuer": row.issuer, "level": row.level, "parent": row.parent}
        for key, found in _by_target(cells).items():
            out[column[key]] = "; ".join(_cell_text(c) for c in found)
        rows.append(out)
    return TABLE_COLUMNS + [column[key] for key in targets], rows


def rollup(plans: Iterable[Plan]) -> list[dict[str, object]]:
    """One row per parent target (columns: ``ROLLUP_COLUMNS``)."""
    indexed = [(row, _by_target(cells)) for row, cells in plans if cells]
    out = []
    for key in _targets([(row, [c for found in by.values() for c in found]) for row, by in indexed]):
        checked = [(row, by[key][0] if key in by else None) for row, by in indexed if row.parent == key[0]]
        cells = [c for _, c in checked if c is not None]
        values = [c.value for c in cells if c.value is not None]
        first = cells[0] if cells else None
        out.append({
            "parent": key[0], "target": key[1],
            "parent_value": _value(first.parent_value, first.parent_comparator) if first else "",
            "plans": len(checked), "carry": len(values),
            "meet": sum(c.verdict in ("meets", "above") for c in cells),
            "above": sum(c.verdict == "above" for c in cells),
            "below": sum(c.verdict == "below" for c in cells),
            "missing": sum(c.verdict == "missing" for c in cells) + sum(c is None for _, c in checked),
            "min": min(values, default=None), "median": median(values) if values else None,
            "max": max(values, default=None),
            "issuers_below": "; ".join(dict.fromkeys(row.issuer or row.file for row, c in checked
                                                     if c is not None and c.verdict == "below")),
        })
    return out


def _targets(plans: list[Plan]) -> list[tuple[str, str]]:
    """Every (parent, target) met, by parent, targets in natural order (M1.C2 before M1.C10)."""
    keys = {(c.parent, c.target) for _, cells in plans for c in cells}
    return sorted(keys, key=lambda k: (k[0], [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", k[1])]))


def _by_target(cells: list[Cell]) -> dict[tuple[str, str], list[Cell]]:
    by: dict[tuple[str, str], list[Cell]] = {}
    for c in cells:
        by.setdefault((c.parent, c.target), []).append(c)
    return by


def _cell_text(cell: Cell) -> str:
    value = _value(cell.value, cell.comparator)
    return f"{value} {cell.verdict}" if value else cell.verdict


def _value(value: float | None, comparator: str | None) -> str:
    if value is None:
        return ""
    return f"{'' if comparator in (None, '=') else comparator + ' '}{value:g}"
