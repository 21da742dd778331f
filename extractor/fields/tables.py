"""Markdown table rows, as the readers write tables ("| a | b |"): one definition of a row, its
cells and a separator rule, for every field that reads tables (targets, bodies, deadlines)."""

from __future__ import annotations

import re

# "|---|:---:|", the rule under a header row (the normaliser usually drops it already)
SEPARATOR_RE = re.compile(r"^[ \u00a0]*\|?[ \u00a0:|-]*-{3,}[ \u00a0:|-]*$")


def is_table_row(text: str) -> bool:
    """A paragraph that is a markdown table row ("| a | b |")."""
    return text.lstrip().startswith("|")


def cells(line: str, offset: int = 0) -> list[tuple[int, int]]:
    """Cell ranges of a markdown table row ('| a | b |' or 'a | b'), offsets into the full text
    (``line`` starts at ``offset``); the ranges hold the cells' padding."""
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    if not line.lstrip().startswith("|"):
        bars = [-1, *bars]
    if line.rstrip()[-1:] != "|":
        bars = [*bars, len(line)]
    return [(offset + a + 1, offset + b) for a, b in zip(bars, bars[1:])]


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the whitespace at either end of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
