"""Targets in markdown table rows ("| Tỷ lệ ... | 90% | 95% |"): the label cell is the group, each
value cell a target, the header row's years the years of its columns."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ...grammar import caseless_search
from ..numbers import find_quantities
from ..tables import SEPARATOR_RE, cells
from .grammar import (
    RATE_NOUN_RE,
    STRONG_CUE_RE,
    TABLE_YEAR_CELL_RE,
    TRIM,
)
from .matches import TargetContext, TargetMatch
from .phrases import comparator_of, direction_of, trim, trim_group
from .predicates import pos_predicate_start
from .sentences import sentence_targets


def header_years(line: str) -> tuple[Optional[int], ...]:
    """Column years of a table header row ('| Chỉ tiêu | 2023 | 2024 | 2025 |'), or ()."""
    texts = [line[a:b] for a, b in cells(line, 0)]
    years = tuple(int(m.group("year")) if (m := TABLE_YEAR_CELL_RE.match(c)) else None for c in texts)
    return years if any(years) and "%" not in line else ()


def _table_row_targets(text: str, start: int, end: int, ctx: TargetContext) -> list[TargetMatch]:
    label_cell = None
    out: list[TargetMatch] = []
    for index, (a, b) in enumerate(cells(text[start:end], start)):
        quantities = find_quantities(text[a:b])
        if not quantities:
            if label_cell is None and re.search(r"[^\W\d_]", text[a:b]):
                label_cell = (a, b)
            continue
        year = ctx.column_years[index] if index < len(ctx.column_years) else None
        # a cell that is a sentence of its own: "| 1 | 100% xã tổ chức tuyên truyền | Phòng Y tế |"
        in_cell = _sentence_cell_targets(text, a, b, quantities, replace(ctx, year=year or ctx.year))
        if in_cell:
            out.extend(in_cell)
            continue
        if label_cell is None:
            continue
        # "Tỷ lệ trẻ em được ...": the rate noun is the indicator, the rest the group
        label_start, label_end = trim(text, *label_cell)
        rate = RATE_NOUN_RE.match(text, label_start)
        g_start, g_end = trim(text, rate.end() if rate else label_start, label_end)
        indicator = text[rate.start():rate.end()] if rate else None
        if not rate:  # "GVCN được tập huấn ...": the label is group + predicate, as in a sentence
            cue = caseless_search(STRONG_CUE_RE, text, g_start, g_end)
            cut = cue if cue is not None else pos_predicate_start(text, g_start, g_end)
            if cut is not None and text[g_start:cut].strip(TRIM):
                indicator = text[cut:g_end].strip(TRIM)
                g_start, g_end = trim_group(text, g_start, cut)
        for q in quantities:
            q = replace(q, start=q.start + a, end=q.end + a)
            comparator, _, q_end = comparator_of(text, q, a)
            out.append(TargetMatch(
                value=q.value, comparator=comparator, unit=q.unit, group=text[g_start:g_end],
                start=label_start, end=q_end, group_start=g_start, group_end=g_end,
                indicator=indicator, denominator=q.denominator, min=q.min,
                year=year or ctx.year, direction=direction_of(indicator or "", "", comparator),
                flags=["ocr_repaired"] if q.repaired else [], value_start=q.start,
            ))
    return out


def _sentence_cell_targets(text: str, a: int, b: int, quantities: list, ctx: TargetContext) -> list[TargetMatch]:
    """The targets of a cell read as a sentence, when its words name their own group (a value cell
    "≥ 90%", "90% trở lên" or "đạt 90%" names none, and takes the row's label)."""
    shifted = [replace(q, start=q.start + a, end=q.end + a) for q in quantities]
    return [m for m in sentence_targets(text, a, b, shifted, ctx) if m.group.strip(TRIM)]


def table_targets(text: str, ctx: TargetContext) -> list[TargetMatch]:
    """The targets of markdown table rows. A header row (the row above a separator) sets the years
    of the columns below it, none if it names none: a new table does not inherit the last one's."""
    out: list[TargetMatch] = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or SEPARATOR_RE.match(line):
            continue
        years = header_years(line)
        if years or (i + 1 < len(lines) and SEPARATOR_RE.match(lines[i + 1])):
            ctx = replace(ctx, column_years=years)
            continue
        out.extend(_table_row_targets(text, start, end, ctx))
    return out


def is_header_row(text: str) -> bool:
    """A table row that heads a new table: above a separator, or (when the normaliser has set the
    rows apart) with every cell filled and no quantity ("| STT | Nhiệm vụ | Chủ trì |"); a row
    that only labels a part of a table leaves cells empty ("| II | Chỉ tiêu xã hội | | |")."""
    lines = text.split("\n", 2)
    if len(lines) > 1 and SEPARATOR_RE.match(lines[1]):
        return True
    texts = [lines[0][a:b].strip() for a, b in cells(lines[0], 0)]
    return len(texts) > 1 and all(texts) and not find_quantities(lines[0])
